"""Wholesale background work (Celery beat): closing quotes past their dates."""

from celery import shared_task

from wholesale import quotes


@shared_task(ignore_result=True)
def expire_quotes():
    """Idempotent: a quote expired already is left as it is."""
    quotes.expire_quotes()
