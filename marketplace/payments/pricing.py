"""What a checkout costs: the order total (one function for the checkout, the order placement
and the demo) and the rate a basket is charged at (locked at the preview, reused until stale).
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone
from oscar.core.loading import get_class

from marketplace.currency.money import Money, convert_from_mad
from marketplace.currency.rates import current_rate, is_fresh
from marketplace.payments.models import BasketRate

RATE_LOCK_MINUTES = 30


@dataclass(frozen=True)
class OrderPricing:
    """The shipping charge, the surcharges (duties paid now) and the order total, in MAD."""

    shipping_charge: object
    surcharges: list
    total: object


def price_order(basket, method, request=None):
    """Oscar's sequence for ``basket`` shipped by ``method``: the method's charge, the surcharges
    it brings (``checkout.applicator``: duties and taxes paid at checkout) and the total. The
    amount a payment freezes and the order placed from it come from this one function, so the
    two cannot drift apart."""
    SurchargeApplicator = get_class("checkout.applicator", "SurchargeApplicator")
    OrderTotalCalculator = get_class("checkout.calculators", "OrderTotalCalculator")
    shipping_charge = method.calculate(basket)
    surcharges = SurchargeApplicator(request).get_applicable_surcharges(
        basket, shipping_charge=shipping_charge
    )
    total = OrderTotalCalculator(request).calculate(basket, shipping_charge, surcharges)
    return OrderPricing(shipping_charge, surcharges, total)


class RateUnavailable(Exception):
    pass


class StaleRate(RateUnavailable):
    """The newest rate of a currency is older than ``rates.MAX_RATE_AGE``: no payment in it."""

    def __init__(self, currency, date):
        super().__init__(currency)
        self.currency, self.date = currency, date


def lock_rate(basket, currency):
    """Return the basket's locked rate for ``currency``, locking the current one if needed.
    Raises StaleRate when the current rate is too old to take a payment at."""
    now = timezone.now()
    locked = BasketRate.objects.filter(basket=basket).first()
    fresh = locked and now - locked.locked_at < datetime.timedelta(minutes=RATE_LOCK_MINUTES)
    if locked and fresh and locked.currency == currency and is_payable(locked, now):
        return locked
    rate = current_rate(currency)
    if rate is None:
        raise RateUnavailable(currency)
    if not rate.is_fresh(now):
        raise StaleRate(currency, rate.date)
    locked, _created = BasketRate.objects.update_or_create(
        basket=basket,
        defaults={
            "currency": currency,
            "rate": rate.rate,
            "rate_date": rate.date,
            "locked_at": now,
        },
    )
    return locked


def is_payable(locked, now=None):
    """Whether a payment may be taken ``now`` at the basket's locked rate (its rate's date
    within ``rates.MAX_RATE_AGE``)."""
    return is_fresh(locked.currency, locked.rate_date, now)


def charge_for(total_mad, locked):
    """The amount to charge for ``total_mad`` at a locked rate (rounded half up)."""
    return convert_from_mad(total_mad, locked.currency, locked.rate)


def mad(amount):
    return Money(amount, "MAD").rounded()
