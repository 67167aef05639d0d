"""Professional-card expiry: warn before, hide and ask for the new card after.

Run by the Celery beat task ``sellers.tasks.check_card_expiry`` (settings.CELERY_BEAT_SCHEDULE).
Each email goes once per card and threshold: a ``CardExpiryNotice`` row with a unique key is
written in the same transaction as the email is queued, so a second run sends nothing. The
storefront stops showing an expired seller's products on the day after expiry whatever the
task does (``selling_q``); the task moves the seller to "needs information", so the products
come back only once a curator verifies the new card, and that save refreshes the page cache.
"""

import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from oscar.core.loading import get_model

from sellers import verification
from sellers.emails import send_card_expiry_email

Partner = get_model("partner", "Partner")
CardExpiryNotice = get_model("partner", "CardExpiryNotice")
Threshold = CardExpiryNotice.Threshold

EXPIRED_REASON = "Professional card expired on {date}: upload the new card to be verified again."


def expiring_soon(today):
    horizon = today + datetime.timedelta(days=settings.SELLER_CARD_WARNING_DAYS)
    return Partner.objects.filter(
        status=Partner.Status.VERIFIED,
        card_expires_on__gte=today,
        card_expires_on__lte=horizon,
    )


def expired(today):
    return Partner.objects.filter(status=Partner.Status.VERIFIED, card_expires_on__lt=today)


def _record_notice(seller, threshold):
    """Create the notice row; False when this card was already notified at this threshold."""
    try:
        with transaction.atomic():
            notice = CardExpiryNotice.objects.create(
                seller=seller, card_expires_on=seller.card_expires_on, threshold=threshold
            )
    except IntegrityError:
        return None
    return notice


def _queue_email(notice):
    transaction.on_commit(lambda: send_card_expiry_email.delay(notice.pk))


@transaction.atomic
def warn(seller):
    notice = _record_notice(seller, Threshold.SOON)
    if notice:
        _queue_email(notice)
    return notice


def expire(seller):
    """Record the expiry, move the seller to "needs information" and email it, once.

    None when already done, or when a curator changed the seller's status meanwhile.
    """
    reason = EXPIRED_REASON.format(date=seller.card_expires_on.isoformat())
    try:
        with transaction.atomic():
            notice = _record_notice(seller, Threshold.EXPIRED)
            if notice is None:
                return None
            verification.apply(
                seller, "card_expired", verification.SYSTEM, reason=reason, notify=False
            )
            _queue_email(notice)
    except verification.TransitionRefused:
        return None
    return notice


def check_all(today=None):
    """Warn and expire every seller due; return (warned, expired) counts."""
    today = today or timezone.localdate()
    warned = sum(1 for seller in expiring_soon(today) if warn(seller))
    gone = sum(1 for seller in expired(today) if expire(seller))
    return warned, gone
