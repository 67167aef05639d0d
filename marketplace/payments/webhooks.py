"""Stripe's webhook: signature verified, each event handled once, the order placed once.

An event only says which intent to look at: the intent is read again from Stripe's API, and
nothing is placed, failed or refunded unless Stripe's own state agrees with the event. A
``charge.dispute.*`` event likewise only names the dispute, read again from Stripe
(``disputes.record``).
"""

import logging

import stripe
from django.conf import settings
from django.db import transaction
from django.http import HttpResponse, HttpResponseBadRequest
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from marketplace.payments import disputes, intent_owners, service, settlement
from marketplace.payments.gateway import stripe_client
from marketplace.payments.models import CheckoutPayment, StripeEvent

logger = logging.getLogger(__name__)

# The intent states, as Stripe reports them, in which each event is acted on.
ACTS_ON = {
    "payment_intent.succeeded": ("succeeded",),
    "payment_intent.payment_failed": service.FAILED_STATES,
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
    if event.type in disputes.EVENTS:
        return _dispute_event(event)
    if event.type not in ACTS_ON:
        return HttpResponse("ignored")
    payment = CheckoutPayment.objects.filter(stripe_payment_intent=event.data.object.id).first()
    if payment is None:
        settle = intent_owners.settler_for(event.data.object.id)
        if settle is None:
            return HttpResponse("unknown payment intent")
        return _owned_elsewhere(event, settle)
    if StripeEvent.objects.filter(event_id=event.id).exists():
        return HttpResponse("already processed")
    try:
        return _handle(event, payment)
    except stripe.StripeError:
        logger.warning("Stripe unreachable while handling event %s", event.id, exc_info=True)
        return HttpResponse("Stripe unavailable, retry later", status=503)


def _handle(event, payment):
    intent = service.fetch_intent(payment)
    if intent.status not in ACTS_ON[event.type]:
        logger.warning(
            "Event %s (%s) for intent %s, which Stripe reports %s: nothing done",
            event.id,
            event.type,
            intent.id,
            intent.status,
        )
        return HttpResponse("event does not match the intent")
    with transaction.atomic():
        _event, created = StripeEvent.objects.get_or_create(
            event_id=event.id, defaults={"type": event.type}
        )
        if not created:
            return HttpResponse("already processed")
        settlement.settle(payment, intent)
    return HttpResponse("ok")


def _owned_elsewhere(event, settle):
    """An intent another app created (``intent_owners``): read it again from Stripe, and let
    its owner settle it once per event, in the transaction that records the event."""
    if StripeEvent.objects.filter(event_id=event.id).exists():
        return HttpResponse("already processed")
    try:
        intent = stripe_client().v1.payment_intents.retrieve(event.data.object.id)
    except stripe.StripeError:
        logger.warning("Stripe unreachable while handling event %s", event.id, exc_info=True)
        return HttpResponse("Stripe unavailable, retry later", status=503)
    if intent.status not in ACTS_ON[event.type]:
        return HttpResponse("event does not match the intent")
    with transaction.atomic():
        _event, created = StripeEvent.objects.get_or_create(
            event_id=event.id, defaults={"type": event.type}
        )
        if not created:
            return HttpResponse("already processed")
        settle(intent)
    return HttpResponse("ok")


def _dispute_event(event):
    """Record the dispute as Stripe has it now (every event: a repeat or an older event reads
    the same dispute and changes nothing)."""
    try:
        remote = disputes.fetch(event.data.object.id)
    except stripe.StripeError:
        logger.warning("Stripe unreachable while handling event %s", event.id, exc_info=True)
        return HttpResponse("Stripe unavailable, retry later", status=503)
    with transaction.atomic():
        dispute = disputes.record(remote, event.type)
        if dispute is None:
            return HttpResponse("unknown payment intent")
        StripeEvent.objects.get_or_create(event_id=event.id, defaults={"type": event.type})
    return HttpResponse("ok")
