"""What a checkout costs: the order total (one function for the checkout, the order placement
and the demo) and the rate a basket is charged at (locked at the preview, reused until stale).
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone
from oscar.core.loading import get_class

from marketplace.currency.money import Money, convert_from_mad
from marketplace.currency.rates import current_rate
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


def lock_rate(basket, currency):
    """Return the basket's locked rate for ``currency``, locking the current one if needed."""
    now = timezone.now()
    locked = BasketRate.objects.filter(basket=basket).first()
    fresh = locked and now - locked.locked_at < datetime.timedelta(minutes=RATE_LOCK_MINUTES)
    if locked and fresh and locked.currency == currency:
        return locked
    rate = current_rate(currency)
    if rate is None:
        raise RateUnavailable(currency)
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


def charge_for(total_mad, locked):
    """The amount to charge for ``total_mad`` at a locked rate (rounded half up)."""
    return convert_from_mad(total_mad, locked.currency, locked.rate)


def mad(amount):
    return Money(amount, "MAD").rounded()
