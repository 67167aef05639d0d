"""A MAD amount as the buyer sees it: in their currency, at one rate, as their language writes
it (``marketplace.core.formats``).

What a buyer browses and is about to pay is shown at today's rate of their currency
(``for_request``) or at the rate locked on their basket (``for_locked_rate``); what they paid,
at the rate the order was charged at (``for_payment``), never today's. Where money is committed
the MAD amount is shown beside it (``reference``). Converting is arithmetic on one rate read
once per request.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from marketplace.core.formats import format_money, format_number, is_rtl
from marketplace.currency.money import BASE_CURRENCY, Money, convert_from_mad
from marketplace.currency.rates import current_rate
from marketplace.currency.selection import buyer_currency

ONE = Decimal("1")
FSI, PDI = "\u2068", "\u2069"  # first-strong isolate, pop directional isolate


@dataclass(frozen=True)
class MoneyDisplay:
    currency: str
    rate: Decimal  # units of ``currency`` per MAD
    date: datetime.date | None = None
    locked: bool = False  # the rate a payment was (or is about to be) taken at
    fresh: bool = True  # recent enough to take a payment at (``rates.MAX_RATE_AGE``)

    @property
    def is_mad(self):
        return self.currency == BASE_CURRENCY

    def convert(self, amount_mad):
        return convert_from_mad(amount_mad, self.currency, self.rate)

    def show(self, amount_mad, language=None):
        """``amount_mad`` in the buyer's currency (£34.20, 34,20 £GB…); empty for None."""
        if amount_mad in (None, ""):
            return ""
        converted = self.convert(Decimal(amount_mad))
        return isolated(format_money(converted.amount, converted.currency, language), language)

    def reference(self, amount_mad, language=None):
        """The MAD amount itself, its number as the language writes it and the ISO code after
        it (417.15 MAD, 417,15 MAD), as bank statements and the seller's records give it; empty
        when the buyer sees MAD anyway."""
        if self.is_mad or amount_mad in (None, ""):
            return ""
        mad = Money(Decimal(amount_mad), BASE_CURRENCY).rounded()
        text = f"{format_number(mad.amount, language, decimals=2)}\u00a0{BASE_CURRENCY}"
        return isolated(text, language)


def isolated(text, language=None):
    """On a right-to-left page, the amount in a Unicode isolate (FSI ... PDI, the plain-text
    ``<bdi>``): its number and symbol stay together and in CLDR's order, whatever text stands
    beside it, in pages and plain-text emails alike. Left-to-right languages need none."""
    if not text or not is_rtl(language):
        return text
    return f"{FSI}{text}{PDI}"


MAD = MoneyDisplay(BASE_CURRENCY, ONE)


def for_request(request):
    """Today's rate of the request's buyer currency (MAD when no rate is known)."""
    if request is None:
        return MAD
    rate = current_rate(buyer_currency(request))
    if rate is None:
        return MAD
    return MoneyDisplay(rate.currency, rate.rate, rate.date, fresh=rate.is_fresh())


def for_locked_rate(locked):
    """The rate locked on a basket at the checkout preview (``payments.BasketRate``)."""
    if locked is None:
        return MAD
    return MoneyDisplay(locked.currency, Decimal(locked.rate), locked.rate_date, locked=True)


def for_payment(payment):
    """The rate an order was charged at (its ``CheckoutPayment``); MAD without a payment."""
    if payment is None:
        return MAD
    return MoneyDisplay(payment.currency, Decimal(payment.rate), payment.rate_date, locked=True)
