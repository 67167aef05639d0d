"""Fixtures for payment tests: a localstripe server on 127.0.0.1, signed webhook events."""

import hashlib
import hmac
import json
import time

import pytest

from tests.factories.checkout import free_port


@pytest.fixture(scope="session")
def localstripe_url():
    """localstripe (the Stripe stand-in) served in a thread for the whole session."""
    from marketplace.payments import localstripe_server

    port = free_port()
    localstripe_server.start_in_thread(port)
    return f"http://127.0.0.1:{port}"


@pytest.fixture
def stripe_api(localstripe_url, settings):
    settings.STRIPE_API_BASE = localstripe_url
    settings.STRIPE_JS_URL = f"{localstripe_url}/js.stripe.com/v3/"
    yield localstripe_url
    from localstripe import webhooks
    from localstripe.resources import store

    webhooks._webhooks.clear()
    store.clear()  # as the database forgets rows: a pk reused on SQLite finds no stale intent


@pytest.fixture
def eur_buyer(client):
    client.cookies["currency"] = "EUR"
    return client


def signed_event(payload, secret):
    """A webhook request body and Stripe-Signature header, signed the way Stripe signs."""
    body = json.dumps(payload)
    timestamp = int(time.time())
    signature = hmac.new(
        secret.encode(), f"{timestamp}.{body}".encode(), hashlib.sha256
    ).hexdigest()
    return body, f"t={timestamp},v1={signature}"


def intent_event(event_id, event_type, intent_id, status="succeeded"):
    return {
        "id": event_id,
        "object": "event",
        "type": event_type,
        "api_version": "2026-10-28.endive",
        "created": int(time.time()),
        "data": {"object": {"id": intent_id, "object": "payment_intent", "status": status}},
    }


FROZEN_FIELDS_LEFT_OUT = {
    "id",
    "order_id",
    "stripe_payment_intent",
    "status",
    "failure_message",
    "created_at",
    "updated_at",
}


def frozen_fields(payment):
    """What ``start_payment`` froze for ``payment``: to start another one for its basket."""
    fields = {
        field.name: getattr(payment, field.name)
        for field in type(payment)._meta.concrete_fields
        if not field.is_relation and field.attname not in FROZEN_FIELDS_LEFT_OUT
    }
    return {**fields, "user": payment.user}


def second_charge(payment):
    """What two concurrent starts left behind before payments were one per basket: another
    payment of the same basket, its intent charged at Stripe."""
    from marketplace.payments.gateway import stripe_client
    from marketplace.payments.models import CheckoutPayment
    from tests.factories.checkout import card_token

    twin = CheckoutPayment.objects.create(basket_id=payment.basket_id, **frozen_fields(payment))
    intent = stripe_client().v1.payment_intents.create(
        params={
            "amount": twin.charged.minor_units,
            "currency": twin.currency.lower(),
            "payment_method": card_token(),
            "confirm": True,
            "metadata": {"checkout_payment": str(twin.pk), "order_number": twin.order_number},
        }
    )
    assert intent.status == "succeeded"
    CheckoutPayment.objects.filter(pk=twin.pk).update(stripe_payment_intent=intent.id)
    twin.refresh_from_db()
    return twin


def charges_kept(payments):
    """How many of ``payments`` left money taken at Stripe: intent succeeded, not fully refunded."""
    from marketplace.payments.gateway import stripe_client

    client = stripe_client()
    kept = 0
    for payment in payments:
        if not payment.stripe_payment_intent:
            continue
        intent = client.v1.payment_intents.retrieve(payment.stripe_payment_intent)
        if intent.status != "succeeded":
            continue
        refunds = client.v1.refunds.list(params={"payment_intent": intent.id, "limit": 100})
        if sum(int(refund.amount) for refund in refunds.data) < int(intent.amount):
            kept += 1
    return kept
