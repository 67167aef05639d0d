"""Money rules of the ledger: Decimal dirhams, rounded half up to the centime."""

from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings

CURRENCY = "MAD"
CENT = Decimal("0.01")


def to_mad(value):
    """``value`` as a Decimal rounded half up to 0.01 MAD (floats are refused)."""
    if isinstance(value, float):
        raise TypeError("Money is never a float.")
    return Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


def commission_rate():
    rate = Decimal(str(settings.MARKETPLACE_COMMISSION_RATE))
    if not Decimal(0) <= rate < Decimal(1):
        raise ValueError("MARKETPLACE_COMMISSION_RATE must be in [0, 1).")
    return rate


def split(gross):
    """(commission, net) of a gross amount: the commission is rounded, the net is the rest."""
    gross = to_mad(gross)
    commission = to_mad(gross * commission_rate())
    return commission, gross - commission
