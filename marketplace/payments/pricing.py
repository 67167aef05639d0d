"""The rate a basket is charged at: locked at the checkout preview, reused until it is stale."""

import datetime

from django.utils import timezone

from marketplace.currency.money import Money, convert_from_mad
from marketplace.currency.rates import current_rate
from marketplace.payments.models import BasketRate

RATE_LOCK_MINUTES = 30


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
