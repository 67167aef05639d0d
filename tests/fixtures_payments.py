"""Fixtures for payment tests: a localstripe server on 127.0.0.1, signed webhook events."""

import hashlib
import hmac
import json
import time

import pytest

from tests.factories_checkout import free_port


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

    webhooks._webhooks.clear()


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
