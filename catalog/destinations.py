"""Which products cannot reach a country, for the lists' "ships to" facet.

The catalogue does not know carriers or destination rules; the shipping app, which does,
registers the answer when it loads (``ShippingConfig.ready``). Until then no product is blocked.
"""

_blocked_ids = None


def register(blocked_ids):
    """``blocked_ids(country, day, only=None)``: a frozenset of product ids, or None (country not
    served); with ``only`` (product ids), of those products alone."""
    global _blocked_ids
    _blocked_ids = blocked_ids


def blocked_ids(country, day, only=None):
    return _blocked_ids(country, day, only) if _blocked_ids is not None else frozenset()
