"""Units of a stock record held for someone else: a piece in another buyer's payment.

The catalogue does not know payments; the payments app registers, when it loads, a function
giving the quantity held for the stock record ``OuterRef("pk")`` as a subquery expression, and
one publishing every held product for the storefront after a cache flush
(``PaymentsConfig.ready``). Until then nothing is held.
"""

from django.db.models import Value

_held = None
_publish_all = None


def register(held_quantity, publish_all=None):
    """``held_quantity()``: an expression, the units held of the outer stock record;
    ``publish_all()``: record every held product in the cache, return how many."""
    global _held, _publish_all
    _held, _publish_all = held_quantity, publish_all


def held_quantity():
    return _held() if _held is not None else Value(0)


def publish_all():
    """Record which products are held by payments in progress (``cache.record_hold``)."""
    return _publish_all() if _publish_all is not None else 0
