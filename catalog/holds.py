"""Units of a stock record held for someone else: a piece in another buyer's payment.

The catalogue does not know payments; the payments app registers, when it loads, a function
giving the quantity held for the stock record ``OuterRef("pk")`` as a subquery expression
(``PaymentsConfig.ready``). Until then nothing is held.
"""

from django.db.models import Value

_held = None


def register(held_quantity):
    """``held_quantity()``: an expression, the units held of the outer stock record."""
    global _held
    _held = held_quantity


def held_quantity():
    return _held() if _held is not None else Value(0)
