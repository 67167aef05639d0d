"""Cached values that follow the data they come from: named versions and ``versioned``.

A *version* is a counter in the shared cache, named for the data it covers (``VERSIONS``).
A cached value's key carries the versions it was computed from, so a change to that data
(``bump``) makes every such key miss at once; stale entries simply expire. A request reads each
version once (``marketplace.core.memo``): one request sees one state of the data.

Which model changes bump which version is one table, ``marketplace.core.invalidation``.
"""

from django.core.cache import cache
from django.db import connection, transaction

from marketplace.core.memo import forget, remembered

# Each version, and the wider versions a change to it also bumps (a page shows the vocabulary,
# the shipping tables and the rules, so a change to any of them changes the storefront).
STOREFRONT = "storefront"  # everything a storefront page shows
VOCABULARY = "vocabulary"  # crafts, regions, materials, techniques
SHIPPING = "shipping"  # carriers, services, zones, rates
RULES = "rules"  # destination rules, import regimes, duty rates
RATES = "rates"  # the currency rate table
VERSIONS = {
    STOREFRONT: (),
    VOCABULARY: (STOREFRONT,),
    SHIPPING: (STOREFRONT,),
    RULES: (STOREFRONT,),
    RATES: (STOREFRONT,),
}
DEFAULT_TIMEOUT = 3600


def _key(name):
    return f"version:{name}"


def _read(name):
    key = _key(name)
    found = cache.get(key)
    if found is None:
        cache.add(key, 1, timeout=None)
        found = cache.get(key, 1)
    return found


def version(name):
    """The current version of ``name``, read once per request."""
    return remembered(_key(name), lambda: _read(name))


def _increment(name):
    key = _key(name)
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, 2, timeout=None)
    forget(key)


def _names_bumped_by(name):
    names = [name]
    for wider in VERSIONS[name]:
        names += _names_bumped_by(wider)
    return names


def bump(name):
    """Bump ``name`` and the versions it feeds, now (this transaction sees its change) and
    again on commit: a value another request computed meanwhile from the data before the
    commit is never served after it."""
    names = _names_bumped_by(name)
    for each in names:
        _increment(each)
    if connection.in_atomic_block:
        transaction.on_commit(lambda: [_increment(each) for each in names])


def versioned(names, key, loader, timeout=DEFAULT_TIMEOUT):
    """``loader()``, cached under ``key`` and the current versions of ``names`` (a name or a
    tuple of names). The value is computed at most once per version."""
    return cache.get_or_set(versioned_key(names, key), loader, timeout)


def versioned_key(names, key):
    """The cache key ``versioned`` uses, for callers reading many keys at once."""
    if isinstance(names, str):
        names = (names,)
    stamp = ":".join(f"{name}{version(name)}" for name in names)
    return f"{stamp}:{key}"
