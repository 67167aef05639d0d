"""Emails about quotes, each in its recipient's language: the seller's ``preferred_language``,
the buyer's page language when asking (``QuoteRequest.language``). Each is sent once
(``marketplace.idempotency.mail.send_once``), however often its task runs."""

from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from marketplace.idempotency.mail import send_once
from sellers.emails import send_to_seller
from wholesale.models import QuoteMessage, SellerQuote

RETRY = {
    "ignore_result": True,
    "autoretry_for": (OSError,),
    "retry_backoff": True,
    "max_retries": 5,
}


def _absolute(name, pk, language):
    with translation.override(language):
        path = reverse(name, kwargs={"pk": pk})
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def buyer_recipients(quote_request):
    """Whoever asked, else every contact of the company."""
    asker = quote_request.requested_by
    if asker is not None and asker.email:
        return [asker.email]
    contacts = quote_request.company.contacts.select_related("user")
    return sorted({contact.user.email for contact in contacts if contact.user.email})


def _to_seller(quote, template, key, **context):
    language = quote.seller.preferred_language
    url = _absolute("seller_space:quote", quote.pk, language)
    return send_to_seller(quote.seller, template, {"quote": quote, "url": url, **context}, key)


def _to_buyer(quote, template, key, **context):
    to = buyer_recipients(quote.request)
    if not to:
        return 0
    language = quote.request.language
    context = {"quote": quote, "url": _absolute("wholesale:quote", quote.pk, language), **context}
    with translation.override(language):
        subject = render_to_string(f"wholesale/emails/{template}_subject.txt", context)
        body = render_to_string(f"wholesale/emails/{template}_body.txt", context)
    message = EmailMessage(" ".join(subject.split()), body, settings.DEFAULT_FROM_EMAIL, to)
    return int(send_once(key, message))


def _quote(quote_id):
    related = ("request__company", "request__requested_by", "seller")
    return SellerQuote.objects.select_related(*related).filter(pk=quote_id).first()


@shared_task(**RETRY)
def send_quote_asked(quote_id):
    quote = _quote(quote_id)
    if quote is not None:
        _to_seller(quote, "quote_asked", f"quote-asked:{quote.pk}")


@shared_task(**RETRY)
def send_quote_answered(quote_id):
    quote = _quote(quote_id)
    if quote is not None:
        _to_buyer(quote, "quote_answered", f"quote-answered:{quote.pk}")


@shared_task(**RETRY)
def send_quote_decided(quote_id):
    quote = _quote(quote_id)
    if quote is not None and quote.status in (SellerQuote.ACCEPTED, SellerQuote.DECLINED):
        _to_seller(quote, "quote_decided", f"quote-decided:{quote.pk}:{quote.status}")


@shared_task(**RETRY)
def send_quote_message(message_id):
    message = QuoteMessage.objects.filter(pk=message_id).first()
    if message is None:
        return
    quote, key = _quote(message.quote_id), f"quote-message:{message.pk}"
    if message.from_seller:
        _to_buyer(quote, "quote_message", key, message=message)
    else:
        _to_seller(quote, "quote_message", key, message=message)
