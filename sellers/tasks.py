"""Sellers' background work: status emails and the card-expiry check (Celery beat)."""

from celery import shared_task
from oscar.core.loading import get_model

from sellers import drafts


@shared_task(ignore_result=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_status_email(event_id):
    """Tell the applicant about a decision, in their preferred language, once per decision."""
    from sellers.emails import send_to_seller

    VerificationEvent = get_model("partner", "VerificationEvent")
    event = VerificationEvent.objects.select_related("seller").filter(pk=event_id).first()
    if event is None:
        return
    send_to_seller(event.seller, "status_changed", {"event": event}, f"seller-status:{event.pk}")


@shared_task(ignore_result=True)
def check_card_expiry():
    """Warn sellers whose card expires soon; move expired ones back to "needs information"."""
    from sellers.expiry import check_all

    check_all()


@shared_task(ignore_result=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_card_expiry_email(notice_id):
    """The email of one card-expiry notice, sent once per notice."""
    from sellers.emails import send_to_seller

    CardExpiryNotice = get_model("partner", "CardExpiryNotice")
    notice = CardExpiryNotice.objects.select_related("seller").filter(pk=notice_id).first()
    if notice is None:
        return
    context = {
        "expires_on": notice.card_expires_on,
        "expired": notice.threshold == CardExpiryNotice.Threshold.EXPIRED,
    }
    send_to_seller(notice.seller, "card_expiry", context, f"card-expiry:{notice.pk}")


@shared_task(ignore_result=True)
def delete_abandoned_drafts():
    """Delete files kept from invalid applications once SELLER_DRAFT_MAX_AGE_DAYS old."""
    drafts.delete_abandoned()
