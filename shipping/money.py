"""Money helpers: Decimal only; currency conversion from rates the caller passes in."""

from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
# Indicative value of 1 MAD in other currencies, for estimates when the caller has no rates
# (the checkout passes the rates locked on the basket).
INDICATIVE_RATES = {
    "MAD": Decimal("1"),
    "EUR": Decimal("0.092"),
    "USD": Decimal("0.100"),
    "GBP": Decimal("0.079"),
    "CAD": Decimal("0.139"),
}


def quantize(amount):
    return Decimal(amount).quantize(CENT, rounding=ROUND_HALF_UP)


def convert(amount, source, target, rates):
    """``amount`` in ``source`` expressed in ``target``; ``rates`` = {currency: value of 1 MAD}."""
    if source == target:
        return Decimal(amount)
    return Decimal(amount) / rates[source] * rates[target]
