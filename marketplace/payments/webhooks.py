"""Stripe's webhook: signature verified, each event handled once, the order placed once."""

import logging

import stripe
from django.conf import settings
from django.db import transaction
from django.http import HttpResponse, HttpResponseBadRequest
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from marketplace.payments import service
from marketplace.payments.models import CheckoutPayment, StripeEvent

logger = logging.getLogger(__name__)


def _succeeded(payment, intent):
    service.place_order_once_for(payment)


def _failed(payment, intent):
    service.fail_payment(payment.pk, service.failure_message(intent))


HANDLERS = {
    "payment_intent.succeeded": _succeeded,
    "payment_intent.payment_failed": _failed,
}


@csrf_exempt
@require_POST
@transaction.non_atomic_requests
def stripe_webhook(request):
    if not settings.STRIPE_WEBHOOK_SECRET:
        logger.error("STRIPE_WEBHOOK_SECRET is unset: webhook refused")
        return HttpResponseBadRequest("webhook secret not configured")
    try:
        event = stripe.Webhook.construct_event(
            request.body, request.headers.get("Stripe-Signature"), settings.STRIPE_WEBHOOK_SECRET
        )
    except (ValueError, stripe.SignatureVerificationError):
        return HttpResponseBadRequest("invalid signature")
    handler = HANDLERS.get(event.type)
    if handler is None:
        return HttpResponse("ignored")
    intent = event.data.object
    payment = CheckoutPayment.objects.filter(stripe_payment_intent=intent.id).first()
    if payment is None:
        return HttpResponse("unknown payment intent")
    with transaction.atomic():
        _event, created = StripeEvent.objects.get_or_create(
            event_id=event.id, defaults={"type": event.type}
        )
        if not created:
            return HttpResponse("already processed")
        handler(payment, intent)
    return HttpResponse("ok")
