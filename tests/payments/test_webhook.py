"""Stripe's webhook: signed, idempotent, and racing the buyer's return without a double order."""

import pytest
from django.conf import settings
from django.utils import timezone
from oscar.core.loading import get_model

from marketplace.payments.gateway import stripe_client
from marketplace.payments.models import CheckoutPayment, StockReservation, StripeEvent
from marketplace.payments.tasks import release_expired_reservations
from tests.factories.catalogue import SellerFactory
from tests.factories.checkout import CountryFactory, start_payment, unique_piece, walk_to_preview
from tests.support.payments import intent_event, signed_event

Order = get_model("order", "Order")
pytestmark = pytest.mark.django_db
WEBHOOK = "/payments/stripe/webhook/"


@pytest.fixture(autouse=True)
def _france(db):
    CountryFactory()


@pytest.fixture
def paid_intent(eur_buyer, stripe_api):
    """A payment whose intent succeeded at Stripe; nobody has placed its order yet."""
    walk_to_preview(eur_buyer, [unique_piece(seller=SellerFactory()), unique_piece()])
    response = start_payment(eur_buyer)
    assert response.json()["status"] == "succeeded"
    return CheckoutPayment.objects.get()


@pytest.fixture
def open_intent(eur_buyer, stripe_api):
    """A payment whose intent awaits the buyer's card (Payment Element path)."""
    walk_to_preview(eur_buyer, [unique_piece()])
    response = start_payment(eur_buyer, card=None)
    assert response.json()["status"] == "requires_payment_method"
    return CheckoutPayment.objects.get()


def post_event(client, payload, secret=None):
    body, signature = signed_event(payload, secret or settings.STRIPE_WEBHOOK_SECRET)
    return client.post(
        WEBHOOK, body, content_type="application/json", HTTP_STRIPE_SIGNATURE=signature
    )


def test_an_event_with_a_bad_signature_is_refused(client, paid_intent):
    event = intent_event("evt_1", "payment_intent.succeeded", paid_intent.stripe_payment_intent)
    response = post_event(client, event, secret="whsec_not_ours")
    assert response.status_code == 400
    assert not Order.objects.exists()


def test_payment_succeeded_event_places_the_order(client, paid_intent):
    event = intent_event("evt_1", "payment_intent.succeeded", paid_intent.stripe_payment_intent)
    assert post_event(client, event).status_code == 200
    paid_intent.refresh_from_db()
    assert paid_intent.order is not None and paid_intent.status == "succeeded"


def test_the_same_event_delivered_twice_places_one_order(client, paid_intent):
    event = intent_event("evt_1", "payment_intent.succeeded", paid_intent.stripe_payment_intent)
    post_event(client, event)
    second = post_event(client, event)
    assert second.content == b"already processed"
    assert Order.objects.count() == 1
    assert StripeEvent.objects.count() == 1


def test_webhook_after_the_buyer_returned_finds_the_order_placed(client, eur_buyer, paid_intent):
    eur_buyer.get(f"/en/checkout/payment/{paid_intent.pk}/return/")
    event = intent_event("evt_2", "payment_intent.succeeded", paid_intent.stripe_payment_intent)
    assert post_event(client, event).status_code == 200
    assert Order.objects.count() == 1


def test_buyer_returning_after_the_webhook_sees_the_thank_you_page(client, eur_buyer, paid_intent):
    post_event(
        client,
        intent_event("evt_3", "payment_intent.succeeded", paid_intent.stripe_payment_intent),
    )
    response = eur_buyer.get(f"/en/checkout/payment/{paid_intent.pk}/return/")
    assert response.status_code == 302 and response.url.endswith("/checkout/thank-you/")
    assert Order.objects.count() == 1


def test_payment_failed_event_frees_the_piece_and_reopens_the_basket(client, open_intent):
    event = intent_event(
        "evt_4",
        "payment_intent.payment_failed",
        open_intent.stripe_payment_intent,
        status="requires_payment_method",
    )
    post_event(client, event)
    open_intent.refresh_from_db()
    assert open_intent.status == "failed"
    assert open_intent.basket.status == "Open"
    assert not StockReservation.objects.filter(state="active").exists()


def test_events_for_unknown_intents_are_acknowledged_and_ignored(client, db):
    event = intent_event("evt_5", "payment_intent.succeeded", "pi_unknown")
    assert post_event(client, event).content == b"unknown payment intent"


def test_a_timed_out_reservation_is_released_and_its_intent_canceled(open_intent):
    StockReservation.objects.update(expires_at=timezone.now() - timezone.timedelta(seconds=1))
    assert release_expired_reservations() == 1
    open_intent.refresh_from_db()
    assert open_intent.status == "canceled"
    assert StockReservation.objects.get().state == "released"
    intent = stripe_client().v1.payment_intents.retrieve(open_intent.stripe_payment_intent)
    assert intent.status == "canceled"


def test_an_unexpired_reservation_is_kept(open_intent):
    assert release_expired_reservations() == 0
    assert StockReservation.objects.get().state == "active"


def confirm_at_stripe(payment, card="4242424242424242"):
    """The buyer's card confirms an intent we had already given up on."""
    from tests.factories.checkout import card_token

    client = stripe_client()
    client.v1.payment_intents.update(
        payment.stripe_payment_intent, params={"payment_method": card_token(card)}
    )
    return client.v1.payment_intents.confirm(payment.stripe_payment_intent)


def test_a_late_success_is_placed_when_its_pieces_are_still_free(client, open_intent):
    from marketplace.payments.service import fail_payment

    fail_payment(open_intent.pk, "timed out")
    confirm_at_stripe(open_intent)
    event = intent_event("evt_6", "payment_intent.succeeded", open_intent.stripe_payment_intent)
    post_event(client, event)
    open_intent.refresh_from_db()
    assert open_intent.order is not None and open_intent.status == "succeeded"


def test_a_late_success_for_a_piece_sold_meanwhile_is_refunded_in_full(client, open_intent):
    from django.test import Client

    from marketplace.payments.service import fail_payment

    fail_payment(open_intent.pk, "timed out")
    piece = open_intent.reservations.get().stockrecord.product
    rival = Client()
    walk_to_preview(rival, [piece], email="rival@example.com")
    rival.get(start_payment(rival).json()["return_url"])
    confirm_at_stripe(open_intent)
    event = intent_event("evt_7", "payment_intent.succeeded", open_intent.stripe_payment_intent)
    post_event(client, event)
    open_intent.refresh_from_db()
    assert open_intent.status == "refunded" and open_intent.order is None
    assert Order.objects.count() == 1
    refund = open_intent.refunds.get()
    assert stripe_client().v1.refunds.retrieve(refund.stripe_refund).amount == (
        open_intent.charged.minor_units
    )


def test_without_a_webhook_secret_every_event_is_refused(client, paid_intent, settings):
    event = intent_event("evt_8", "payment_intent.succeeded", paid_intent.stripe_payment_intent)
    body, signature = signed_event(event, "")
    settings.STRIPE_WEBHOOK_SECRET = ""
    response = client.post(
        WEBHOOK, body, content_type="application/json", HTTP_STRIPE_SIGNATURE=signature
    )
    assert response.status_code == 400
    assert not Order.objects.exists()
