"""Money as a Decimal with its currency; conversion from MAD and Stripe's minor units.

Every buyer currency we offer has two decimal places (ISO 4217 minor units); amounts are rounded
half up to the currency's minor unit, once, after conversion.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

BASE_CURRENCY = "MAD"
CENT = Decimal("0.01")
BUYER_CURRENCIES = ("EUR", "USD", "GBP", "CAD", "MAD")
MINOR_UNITS = {"EUR": 2, "USD": 2, "GBP": 2, "CAD": 2, "MAD": 2}
SYMBOLS = {"EUR": "€", "USD": "US$", "GBP": "£", "CAD": "CA$", "MAD": "MAD"}


def quantum(currency):
    return Decimal(1).scaleb(-MINOR_UNITS[currency])


@dataclass(frozen=True)
class Money:
    amount: Decimal
    currency: str

    def __post_init__(self):
        if not isinstance(self.amount, Decimal):
            raise TypeError("Money amounts are Decimal, never float")
        if self.currency not in MINOR_UNITS:
            raise ValueError(f"Unsupported currency {self.currency}")

    def rounded(self):
        """The amount rounded half up to the currency's minor unit."""
        value = self.amount.quantize(quantum(self.currency), rounding=ROUND_HALF_UP)
        return Money(value, self.currency)

    @property
    def minor_units(self):
        """Integer amount in the currency's smallest unit, for Stripe (12.35 EUR -> 1235)."""
        return int(self.rounded().amount.scaleb(MINOR_UNITS[self.currency]))

    @classmethod
    def from_minor_units(cls, value, currency):
        return cls(Decimal(int(value)).scaleb(-MINOR_UNITS[currency]), currency)

    def __str__(self):
        return f"{self.rounded().amount} {self.currency}"


def convert_from_mad(amount_mad, currency, rate):
    """Convert a MAD amount at ``rate`` (units of ``currency`` per 1 MAD), rounded half up."""
    if currency == BASE_CURRENCY:
        return Money(Decimal(amount_mad), BASE_CURRENCY).rounded()
    return Money(Decimal(amount_mad) * Decimal(rate), currency).rounded()


def convert_to_mad(amount, rate):
    """MAD value of an amount charged in another currency at ``rate`` (per 1 MAD)."""
    return Money(Decimal(amount) / Decimal(rate), BASE_CURRENCY).rounded()


def quantize(amount):
    """``amount`` rounded half up to the cent (MAD and every buyer currency have two decimals)."""
    return Decimal(amount).quantize(CENT, rounding=ROUND_HALF_UP)


def convert(amount, source, target, rates):
    """``amount`` in ``source`` expressed in ``target``; ``rates`` = {currency: value of 1 MAD}."""
    if source == target:
        return Decimal(amount)
    return Decimal(amount) / rates[source] * rates[target]
