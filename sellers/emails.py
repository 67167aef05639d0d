"""Emails to sellers, written in each seller's preferred language."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

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
