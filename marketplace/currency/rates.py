"""Reading the current rate table (cached), converting MAD prices for a buyer, and the one rule
for a rate's freshness: no payment is taken at a rate more than 48 hours old."""

import datetime
from decimal import Decimal

from django.utils import timezone

from marketplace.core.cache import RATES, versioned
from marketplace.core.memo import remembered
from marketplace.currency.defaults import DEFAULT_DATE, DEFAULT_RATES
from marketplace.currency.models import ExchangeRate
from marketplace.currency.money import BASE_CURRENCY, convert_from_mad

CACHE_KEY = "currency:rates"
MAX_RATE_AGE = datetime.timedelta(hours=48)


def published_at(date):
    """The moment a rate dated ``date`` counts from: the start of that day (site time zone).
    The feed gives a day, not an hour, so the age is never underestimated."""
    return timezone.make_aware(datetime.datetime.combine(date, datetime.time.min))


def is_fresh(currency, date, now=None):
    """Whether a rate of ``currency`` dated ``date`` may price a payment ``now``: at most
    ``MAX_RATE_AGE`` old (exactly 48 hours is still fresh). MAD needs no rate."""
    if currency == BASE_CURRENCY:
        return True
    if date is None:
        return False
    return (now or timezone.now()) - published_at(date) <= MAX_RATE_AGE


class Rate:
    """A rate as used for a conversion: currency, units per MAD, publication date."""

    __slots__ = ("currency", "rate", "date")

    def __init__(self, currency, rate, date):
        self.currency, self.rate, self.date = currency, Decimal(rate), date

    def convert(self, amount_mad):
        return convert_from_mad(amount_mad, self.currency, self.rate)

    def is_fresh(self, now=None):
        return is_fresh(self.currency, self.date, now)


def rate_table():
    """``{currency: (rate, date)}`` from the cache, else the database (one query per refresh),
    else the shipped defaults when the table is empty. Read once per request; any change to a
    rate bumps the rates version (``marketplace.core.invalidation``)."""
    return remembered(CACHE_KEY, lambda: versioned(RATES, CACHE_KEY, _read_rate_table))


def _read_rate_table():
    table = {row.currency: (str(row.rate), row.date) for row in ExchangeRate.objects.all()}
    if not table:
        table = {code: (str(rate), DEFAULT_DATE) for code, rate in DEFAULT_RATES.items()}
    return table


def current_rate(currency):
    """The current rate for ``currency``; MAD is always 1. None when no rate is known."""
    if currency == BASE_CURRENCY:
        entry = rate_table().get(BASE_CURRENCY)
        return Rate(BASE_CURRENCY, "1", entry[1] if entry else None)
    entry = rate_table().get(currency)
    return Rate(currency, entry[0], entry[1]) if entry else None


def landed_cost_rates():
    """``{currency: Decimal units per MAD}`` (MAD = 1) from the current table: what
    ``compliance.landed_cost`` needs to compare a parcel with thresholds in EUR, GBP, USD, CAD."""
    rates = {code: Decimal(entry[0]) for code, entry in rate_table().items()}
    rates[BASE_CURRENCY] = Decimal("1")
    return rates
