"""Emails to sellers, written in each seller's preferred language, and the tasks sending
them (names kept from ``sellers.tasks``, where queued messages expect them)."""

from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from oscar.core.loading import get_model

from marketplace.idempotency.mail import send_once


def recipients(seller):
    """The seller's contact email, else its member accounts' emails."""
    if seller.contact_email:
        return [seller.contact_email]
    return sorted({user.email for user in seller.users.all() if user.email})


def _absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def send_to_seller(seller, template, context, key):
    """Render ``sellers/emails/<template>_subject.txt`` and ``_body.txt`` and send them, once
    under ``key`` (``marketplace.idempotency.mail.send_once``).

    Return the number of messages sent (0 when the seller has no address or had it already).
    """
    to = recipients(seller)
    if not to:
        return 0
    with translation.override(seller.preferred_language):
        context = {
            "seller": seller,
            "status_url": _absolute(reverse("sell:status", kwargs={"pk": seller.pk})),
            **context,
        }
        subject = render_to_string(f"sellers/emails/{template}_subject.txt", context)
        body = render_to_string(f"sellers/emails/{template}_body.txt", context)
    message = EmailMessage(" ".join(subject.split()), body, settings.DEFAULT_FROM_EMAIL, to)
    return int(send_once(key, message))


@shared_task(
    name="sellers.tasks.send_status_email",
    ignore_result=True,
    autoretry_for=(OSError,),
    retry_backoff=True,
    max_retries=5,
)
def send_status_email(event_id):
    """Tell the applicant about a decision, in their preferred language, once per decision."""
    VerificationEvent = get_model("partner", "VerificationEvent")
    event = VerificationEvent.objects.select_related("seller").filter(pk=event_id).first()
    if event is None:
        return
    send_to_seller(event.seller, "status_changed", {"event": event}, f"seller-status:{event.pk}")


@shared_task(
    name="sellers.tasks.send_card_expiry_email",
    ignore_result=True,
    autoretry_for=(OSError,),
    retry_backoff=True,
    max_retries=5,
)
def send_card_expiry_email(notice_id):
    """The email of one card-expiry notice, sent once per notice."""
    CardExpiryNotice = get_model("partner", "CardExpiryNotice")
    notice = CardExpiryNotice.objects.select_related("seller").filter(pk=notice_id).first()
    if notice is None:
        return
    context = {
        "expires_on": notice.card_expires_on,
        "expired": notice.threshold == CardExpiryNotice.Threshold.EXPIRED,
    }
    send_to_seller(notice.seller, "card_expiry", context, f"card-expiry:{notice.pk}")
