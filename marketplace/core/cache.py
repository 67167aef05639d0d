"""Cached values that follow the data they come from: named versions, product tokens and the
catalogue's change log.

A *version* is a counter in the shared cache, named for the data it covers (``VERSIONS``).
A cached value's key carries the versions it was computed from, so a change to that data
(``bump``) makes every such key miss at once; stale entries simply expire. A request reads each
version once (``marketplace.core.memo``): one request sees one state of the data.

A change to one product (its fields, price, stock, photos, links) bumps no version: it gives
the product a new *token* (``product_tokens``: its card and its page are keyed by it), records
whether it is sold out or held by a payment in progress (``product_states``: read when a card or
a product page is shown, never baked into a list) and appends its id to the *change log*
(``changes_since``), from which each cached list updates its own rows (``catalog.listing``)
instead of being rebuilt.

Each committed change records the primary's position for the read replica
(``marketplace.core.replicas.record_fence``) before it renews a key, so no key is filled from
a replica that has not replayed the change.

Which model changes bump which version, and which touch a product, is one table,
``marketplace.core.invalidation``.
"""

import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction

from marketplace.core import local_cache
from marketplace.core.memo import forget, remember_many, remembered
from marketplace.core.replicas import FENCE_KEY, note_fence, reads_fence, record_fence

# Each version, and the wider versions a change to it also bumps (a page shows the vocabulary,
# the shipping tables and the rules, so a change to any of them changes the storefront).
STOREFRONT = "storefront"  # everything a storefront page shows
VOCABULARY = "vocabulary"  # crafts, regions, materials, techniques
SHIPPING = "shipping"  # carriers, services, zones, rates
RULES = "rules"  # destination rules, import regimes, duty rates
RATES = "rates"  # the currency rate table
CATALOGUE = "catalogue"  # which products exist, their links and papers (the ships-to sets)
PAGES = "pages"  # which CMS pages are live, their titles and URLs (the footer's trust pages)
VERSIONS = {
    STOREFRONT: (),
    CATALOGUE: (),
    VOCABULARY: (STOREFRONT,),
    SHIPPING: (STOREFRONT,),
    RULES: (STOREFRONT,),
    RATES: (STOREFRONT,),
    PAGES: (STOREFRONT,),
}
DEFAULT_TIMEOUT = 3600


def _key(name):
    return f"version:{name}"


def _with_fence(keys):
    """``cache.get_many(keys)``; in a request that may read the replica, the catalogue fence is
    read in the same round trip (``replicas.note_fence``): the request's replica reads are then
    at least as recent as the change that renewed any of these keys."""
    if not reads_fence():
        return cache.get_many(keys)
    found = cache.get_many([*keys, FENCE_KEY])
    note_fence(found.pop(FENCE_KEY, None))
    return found


def _get(key):
    """``cache.get(key)``, with the fence as ``_with_fence`` reads it."""
    return _with_fence([key]).get(key) if reads_fence() else cache.get(key)


def _read(name):
    key = _key(name)
    found = _get(key)
    if found is None:
        cache.add(key, 1, timeout=None)
        found = cache.get(key, 1)
    return found


def _read_all():
    """Every version in one round trip, kept for the request: a page asks for most of them
    (its page key, the rates, the vocabulary, the footer's pages), one read each before. The
    change log's position comes in the same trip (every list reads it: ``change_sequence``)."""
    keys = [_key(name) for name in VERSIONS]
    found = _with_fence([*keys, SEQUENCE_KEY])
    for name in VERSIONS:
        if found.get(_key(name)) is None:
            found[_key(name)] = _read(name)
    if found.get(SEQUENCE_KEY) is None:
        found.pop(SEQUENCE_KEY, None)
    remember_many(found)
    return found


def version(name):
    """The current version of ``name``, read once per request (with all the others)."""
    key = _key(name)
    return remembered(key, lambda: _read_all()[key])


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

    def increment():
        for each in names:
            _increment(each)

    if connection.in_atomic_block:
        increment()
        transaction.on_commit(lambda: (record_fence(), increment()))
    else:
        record_fence()
        increment()


def versioned(names, key, loader, timeout=DEFAULT_TIMEOUT):
    """``loader()``, cached under ``key`` and the current versions of ``names`` (a name or a
    tuple of names). The value is computed at most once per version; a worker keeps its own
    copy for a few seconds (``local_cache``), as the key names that one value for good."""
    full = versioned_key(names, key)
    return local_cache.get_or_set(full, lambda: cache.get_or_set(full, loader, timeout), timeout)


def versioned_key(names, key):
    """The cache key ``versioned`` uses, for callers reading many keys at once. It holds the
    release (``settings.CACHE_RELEASE``) too: what a new release renders or computes (its
    templates, its list index) is never read from an older release's keys."""
    if isinstance(names, str):
        names = (names,)
    stamp = ":".join(f"{name}{version(name)}" for name in names)
    return f"{settings.CACHE_RELEASE}:{stamp}:{key}"


# --- one product's token and stock; the catalogue's change log -------------------------------

TOKEN_KEY = "product-token:{}"
SOLD_OUT_KEY = "product-sold-out:{}"
HELD_KEY = "product-held:{}"
SEQUENCE_KEY = "catalogue-changes"
CHANGE_KEY = "catalogue-changes:{}"
# A list more than this many changes behind (or whose changes expired) is read afresh.
CHANGE_LOG_TIMEOUT = 3600
# What a card or a product page shows of a product's stock (``product_states``).
AVAILABLE = "on"
HELD = "held"  # every unit left is in other buyers' payments in progress: reserved
SOLD_OUT = "sold"  # every unit allocated to orders


def product_states(pks):
    """{pk: (token, availability)} of the products ``pks``, in one round trip.

    The token changes whenever the product's card or page may change (``touch_products``); a
    product without one gets one (a token lost from the cache is replaced, never reused: nothing
    cached under the old one is served). Availability: ``SOLD_OUT`` (every unit allocated,
    ``record_stock``), ``HELD`` (every unit left held by payments in progress until their
    earliest hold expires, ``record_hold``) or ``AVAILABLE``.
    """
    return product_states_and(pks, [])[0]


def product_states_and(pks, keys):
    """(``product_states(pks)``, what the cache holds of ``keys``), in the same round trip."""
    tokens = {pk: TOKEN_KEY.format(pk) for pk in pks}
    flags = {pk: SOLD_OUT_KEY.format(pk) for pk in pks}
    holds = {pk: HELD_KEY.format(pk) for pk in pks}
    found = _with_fence([*tokens.values(), *flags.values(), *holds.values(), *keys])
    states = {}
    for pk, key in tokens.items():
        token = found.get(key)
        if token is None:
            cache.add(key, uuid.uuid4().hex[:12], timeout=None)
            token = cache.get(key)
        if found.get(flags[pk]):
            availability = SOLD_OUT
        elif found.get(holds[pk]):
            availability = HELD
        else:
            availability = AVAILABLE
        states[pk] = (token, availability)
    return states, {key: found[key] for key in keys if key in found}


def product_token(pk):
    return product_states([pk])[pk][0]


def product_stamp(pk):
    """What a product page is keyed by: its token and what it shows of its stock."""
    token, availability = product_states([pk])[pk]
    return f"{token}:{availability}"


def record_stock(pk, is_sold_out):
    """After commit: whether the product's units are all sold (allocated to orders)."""
    key = SOLD_OUT_KEY.format(pk)
    transaction.on_commit(
        lambda: cache.set(key, True, timeout=None) if is_sold_out else cache.delete(key)
    )


def record_hold(pk, seconds):
    """Now (the caller runs it on commit): every unit left of the product is held by payments
    in progress for ``seconds``, when the earliest of those holds expires; 0: not held."""
    key = HELD_KEY.format(pk)
    if seconds > 0:
        cache.set(key, True, timeout=seconds)
    else:
        cache.delete(key)


def set_sold_out(pks):
    """Mark the products ``pks`` sold out, now (``invalidation.mark_sold_out``)."""
    cache.set_many({SOLD_OUT_KEY.format(pk): True for pk in pks}, timeout=None)


def _renew_tokens(pks):
    cache.set_many({TOKEN_KEY.format(pk): uuid.uuid4().hex[:12] for pk in pks}, timeout=None)


def _log_changes(pks):
    try:
        sequence = cache.incr(SEQUENCE_KEY)
    except ValueError:
        cache.add(SEQUENCE_KEY, 0, timeout=None)
        sequence = cache.incr(SEQUENCE_KEY)
    cache.set(CHANGE_KEY.format(sequence), sorted(pks), CHANGE_LOG_TIMEOUT)
    forget(SEQUENCE_KEY)


def touch_products(pks):
    """The products ``pks`` changed: new tokens and their ids appended to the change log, now
    (this transaction sees its change) and again on commit (a list another request updated
    meanwhile from the rows before the commit updates them again after it)."""
    pks = set(pks)
    if not pks:
        return
    if connection.in_atomic_block:
        _renew_tokens(pks)
        _log_changes(pks)
        transaction.on_commit(lambda: (record_fence(), _renew_tokens(pks), _log_changes(pks)))
    else:
        record_fence()
        _renew_tokens(pks)
        _log_changes(pks)


def change_sequence():
    """The number of the catalogue's last change, read once per request."""

    def read():
        found = _get(SEQUENCE_KEY)
        if found is None:
            cache.add(SEQUENCE_KEY, 0, timeout=None)
            found = cache.get(SEQUENCE_KEY, 0)
        return found

    return remembered(SEQUENCE_KEY, read)


def changes_since(start, end, limit):
    """The ids of the products changed after change ``start`` up to ``end``, or None if more
    than ``limit`` changes passed or one of them is no longer in the log."""
    if end - start > limit:
        return None
    if end <= start:
        return set()
    keys = [CHANGE_KEY.format(number) for number in range(start + 1, end + 1)]
    found = cache.get_many(keys)
    if len(found) != len(keys):
        return None
    return {pk for pks in found.values() for pk in pks}
