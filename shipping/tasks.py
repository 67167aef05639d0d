"""Periodic shipping work, run by Celery beat (``CELERY_BEAT_SCHEDULE``)."""

import datetime

from celery import shared_task
from django.utils import timezone

from catalog import listing
from shipping.services import served_countries

# Tomorrow's sets are built within this long of midnight (a set is kept an hour,
# ``listing.BLOCKED_TIMEOUT``, and follows the change log from then on).
TOMORROW_WITHIN = datetime.timedelta(hours=1)


@shared_task(name="shipping.warm_ships_to_sets", ignore_result=True)
def warm_ships_to_sets(now=None):
    """Bring every served country's ships-to set (``catalog.listing.ships_to_set``) up to date,
    and in the last hour of the day build tomorrow's, so no storefront request waits for a
    whole set: the first list of a day in a country, or the first after a carrier or rule
    change (up to 0.7 s at 100,000 products). Returns the days and countries warmed."""
    now = timezone.localtime(now)
    days = [now.date()]
    tomorrow = now.date() + datetime.timedelta(days=1)
    start_of_tomorrow = now.replace(hour=0, minute=0, second=0, microsecond=0) + (
        datetime.timedelta(days=1)
    )
    if start_of_tomorrow - now <= TOMORROW_WITHIN:
        days.append(tomorrow)
    countries = sorted(served_countries())
    for day in days:
        for country in countries:
            listing.ships_to_set(country, day=day)
    return {"days": [day.isoformat() for day in days], "countries": len(countries)}
