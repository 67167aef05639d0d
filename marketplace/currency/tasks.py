"""Rate refresh, run by Celery beat (CELERY_BEAT_SCHEDULE in settings)."""

import logging

from celery import shared_task
from django.conf import settings

from marketplace.currency.feed import FeedError, fetch_feed, parse_feed, store_rates

logger = logging.getLogger(__name__)


@shared_task(ignore_result=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=3)
def refresh_exchange_rates():
    """Fetch CURRENCY_RATES_FEED_URL and store its rates; keep the old table on a bad feed."""
    url = settings.CURRENCY_RATES_FEED_URL
    if not url:
        return 0
    try:
        date, rates = parse_feed(fetch_feed(url))
    except FeedError:
        logger.exception("Exchange-rate feed refused: %s", url)
        return 0
    return store_rates(date, rates, source=url)
