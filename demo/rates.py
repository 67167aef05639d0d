"""The demo's exchange rates: the shipped default table, published as of today.

No payment is taken at a rate over 48 hours old, and a demo machine has no rate feed: seeding
publishes the default table under today's date, with a source that says it is the demo's.
"""

from django.utils import timezone

from marketplace.currency.defaults import DEFAULT_RATES
from marketplace.currency.feed import store_rates

SOURCE = "demo: shipped default table, dated the day of seeding"


def publish_todays_rates():
    rates = {currency: rate for currency, rate in DEFAULT_RATES.items() if currency != "MAD"}
    return store_rates(timezone.localdate(), rates, SOURCE)
