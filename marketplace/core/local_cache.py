"""A worker's own copy of the values kept under versioned keys (``cache.versioned``).

A versioned key names one value for good: when what the value was computed from changes, the
version in the key moves on and the old key is never asked for again. So a worker may keep
what it read without asking Redis each time: a list page no cache has seen reads seven such
values (rates, facet vocabulary, category links, craft menu, served countries, footer links,
the list's result), each a round trip and an unpickling.

A value is kept ``STOREFRONT_LOCAL_CACHE_SECONDS`` at most (0: not kept; the tests' default),
never longer than Redis keeps it, and all of them weigh at most
``STOREFRONT_LOCAL_CACHE_BYTES`` (measured pickled), the least recently used leaving first.
Gunicorn's sync workers serve one request at a time; the lock is for threaded servers.
"""

import pickle
import threading
import time

from cachetools import TLRUCache
from django.conf import settings

_lock = threading.Lock()
_state = {"config": None, "store": None}
clock = time.monotonic  # the store's clock (tests move it)


def _size(entry):
    return len(pickle.dumps(entry[0], pickle.HIGHEST_PROTOCOL))


def _expiry(_key, entry, now):
    return now + entry[1]


def _store():
    """The worker's store, made afresh when its settings change (tests override them)."""
    config = (settings.STOREFRONT_LOCAL_CACHE_SECONDS, settings.STOREFRONT_LOCAL_CACHE_BYTES)
    if _state["config"] != config:
        _state["config"] = config
        _state["store"] = TLRUCache(
            maxsize=config[1], ttu=_expiry, timer=lambda: clock(), getsizeof=_size
        )
    return _state["store"]


def get_or_set(key, read, timeout):
    """The value kept here under ``key``, else ``read()``, kept here for the shorter of
    ``STOREFRONT_LOCAL_CACHE_SECONDS`` and ``timeout`` (the seconds Redis keeps it)."""
    seconds = settings.STOREFRONT_LOCAL_CACHE_SECONDS
    if timeout is not None:
        seconds = min(seconds, timeout)
    if seconds <= 0:
        return read()
    with _lock:
        store = _store()
        entry = store.get(key)
    if entry is not None:
        return entry[0]
    value = read()
    with _lock:
        try:
            store[key] = (value, seconds)
        except ValueError:  # heavier than the whole store: served, not kept
            pass
    return value


def clear():
    """Forget every value kept (tests that reset the shared cache)."""
    with _lock:
        if _state["store"] is not None:
            _state["store"].clear()
