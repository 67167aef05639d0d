"""Dates relative to the moment a test runs, never to when its module was imported.

The suite runs for twenty minutes; a date fixed at collection goes stale when the run
crosses midnight, and then "expires today" means yesterday.
"""

import datetime

from django.utils import timezone

DAY = datetime.timedelta(days=1)


def today():
    return timezone.localdate()


def days_from_today(days):
    return today() + days * DAY
