"""Sellers' background work: the card-expiry check and the drafts cleanup (Celery beat); the
emails' tasks live beside the emails and are listed here for Celery to find."""

from celery import shared_task

from sellers import drafts, expiry
from sellers.emails import send_card_expiry_email, send_status_email  # noqa: F401


@shared_task(ignore_result=True)
def check_card_expiry():
    """Warn sellers whose card expires soon; move expired ones back to "needs information"."""
    expiry.check_all()


@shared_task(ignore_result=True)
def delete_abandoned_drafts():
    """Delete files kept from invalid applications once SELLER_DRAFT_MAX_AGE_DAYS old."""
    drafts.delete_abandoned()
