"""One payment in flight per basket; a charge that ends up without an order is refunded; the
webhook acts on the PaymentIntent as Stripe reports it, never on what an event claims."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation
from oscar.core.loading import get_model

from marketplace.checkout.views import SESSION_PAYMENTS
from marketplace.payments import service, tasks
from marketplace.payments.gateway import stripe_client
from marketplace.payments.models import CheckoutPayment, StockReservation
from tests.factories.catalogue import ProductFactory
from tests.factories.checkout import (
    CountryFactory,
    card_token,
    rate_lock_on_preview,
    start_payment,
    unique_piece,
    walk_to_preview,
)
from tests.support.payments import (
    charges_kept,
    frozen_fields,
    intent_event,
    second_charge,
    signed_event,
)

Order = get_model("order", "Order")
pytestmark = pytest.mark.django_db
WEBHOOK = "/payments/stripe/webhook/"


@pytest.fixture(autouse=True)
def _france(db):
    CountryFactory()


@pytest.fixture
def stripe_sender():
    """Stripe's side of the webhook: it sees our status codes, 500s included."""
    return Client(raise_request_exception=False)


def post_event(client, payload):
    body, signature = signed_event(payload, settings.STRIPE_WEBHOOK_SECRET)
    return client.post(
        WEBHOOK, body, content_type="application/json", HTTP_STRIPE_SIGNATURE=signature
    )


def start_url(language="en"):
    with translation.override(language):
        return reverse("checkout:payment-start")


@pytest.fixture
def ordered(eur_buyer, stripe_api):
    """A basket paid and ordered: the buyer came back from Stripe."""
    walk_to_preview(eur_buyer, [unique_piece()])
    eur_buyer.get(start_payment(eur_buyer).json()["return_url"])
    payment = CheckoutPayment.objects.get()
    assert payment.order is not None
    return payment


@pytest.fixture
def awaiting_card(eur_buyer, stripe_api):
    """A payment whose intent waits for the buyer's card (Payment Element path)."""
    walk_to_preview(eur_buyer, [unique_piece()])
    assert start_payment(eur_buyer, card=None).json()["status"] == "requires_payment_method"
    return CheckoutPayment.objects.get()


@pytest.fixture
def paid(eur_buyer, stripe_api):
    """A payment whose intent succeeded at Stripe; nobody has placed its order yet."""
    walk_to_preview(eur_buyer, [unique_piece()])
    assert start_payment(eur_buyer).json()["status"] == "succeeded"
    return CheckoutPayment.objects.get()


def test_a_start_for_a_basket_whose_payment_is_pending_is_refused(eur_buyer, stripe_api):
    walk_to_preview(eur_buyer, [ProductFactory()])
    start_payment(eur_buyer, card=None)
    pending = CheckoutPayment.objects.get()
    basket = pending.basket
    basket.status = basket.OPEN  # as a request that read the basket before it was frozen
    with pytest.raises(service.PaymentInFlight) as refused:
        service.start_payment(basket, **frozen_fields(pending))
    assert refused.value.payment == pending
    assert CheckoutPayment.objects.count() == 1


def test_a_failed_payment_leaves_the_basket_frozen_while_another_is_pending(awaiting_card):
    other = CheckoutPayment.objects.create(
        basket_id=awaiting_card.basket_id, **frozen_fields(awaiting_card)
    )  # as the race before the fix left some baskets: two payments pending
    service.fail_payment(awaiting_card.pk, "declined")
    other.basket.refresh_from_db()
    assert other.basket.status == "Frozen"


def test_double_clicking_pay_shows_the_pending_payment_and_creates_no_second_intent(
    eur_buyer, stripe_api
):
    walk_to_preview(eur_buyer, [ProductFactory()])
    rate_lock = rate_lock_on_preview(eur_buyer)
    first = eur_buyer.post(start_url(), {"rate_lock": rate_lock})
    second = eur_buyer.post(start_url(), {"rate_lock": rate_lock})
    assert first.status_code == 200
    assert second.status_code == 409
    assert "already in progress" in second.json()["error"]
    assert second.json()["payment"]["status"] == "pending"
    assert second.json()["payment"]["return_url"] == first.json()["return_url"]
    assert CheckoutPayment.objects.count() == 1


def test_a_second_card_posted_while_the_first_is_charged_is_not_charged(eur_buyer, stripe_api):
    walk_to_preview(eur_buyer, [ProductFactory()])
    rate_lock = rate_lock_on_preview(eur_buyer)
    first = eur_buyer.post(start_url(), {"rate_lock": rate_lock, "payment_method": card_token()})
    second = eur_buyer.post(start_url(), {"rate_lock": rate_lock, "payment_method": card_token()})
    assert first.json()["status"] == "succeeded"
    assert second.status_code == 409
    assert second.json()["payment"]["return_url"] == first.json()["return_url"]
    assert charges_kept(CheckoutPayment.objects.all()) == 1


def test_the_refusal_is_in_the_buyers_language(eur_buyer, stripe_api):
    walk_to_preview(eur_buyer, [ProductFactory()], language="fr")
    rate_lock = rate_lock_on_preview(eur_buyer, language="fr")
    eur_buyer.post(start_url("fr"), {"rate_lock": rate_lock})
    second = eur_buyer.post(start_url("fr"), {"rate_lock": rate_lock})
    assert "déjà en cours" in second.json()["error"]
    assert second.json()["payment"]["state"] == "En attente de paiement"


def test_a_second_succeeded_intent_for_an_ordered_basket_is_refunded_with_200s(
    stripe_sender, ordered
):
    twin = second_charge(ordered)
    event = intent_event("evt_twin", "payment_intent.succeeded", twin.stripe_payment_intent)
    codes = [post_event(stripe_sender, event).status_code for _retry in range(3)]
    assert codes == [200, 200, 200]
    twin.refresh_from_db()
    assert twin.status == "refunded" and twin.order is None
    assert charges_kept([ordered, twin]) == 1
    assert Order.objects.count() == 1


def test_the_refunded_twin_tells_the_buyer_why(stripe_sender, ordered):
    twin = second_charge(ordered)
    post_event(
        stripe_sender,
        intent_event("evt_twin", "payment_intent.succeeded", twin.stripe_payment_intent),
    )
    twin.refresh_from_db()
    assert "already paid" in twin.failure_message


def test_the_buyer_back_from_a_refunded_second_charge_lands_on_the_order(
    eur_buyer, stripe_sender, ordered
):
    twin = second_charge(ordered)
    session = eur_buyer.session
    session[SESSION_PAYMENTS] = [*session[SESSION_PAYMENTS], twin.pk]
    session.save()
    post_event(
        stripe_sender,
        intent_event("evt_twin", "payment_intent.succeeded", twin.stripe_payment_intent),
    )
    response = eur_buyer.get(f"/en/checkout/payment/{twin.pk}/return/", follow=True)
    assert response.redirect_chain[-1][0].endswith("/checkout/thank-you/")
    assert response.context["order"] == ordered.order
    assert "refunded in full" in response.content.decode()


def test_a_signed_success_event_for_an_unpaid_intent_places_no_order(stripe_sender, awaiting_card):
    event = intent_event(
        "evt_forged", "payment_intent.succeeded", awaiting_card.stripe_payment_intent
    )
    assert post_event(stripe_sender, event).status_code == 200
    assert not Order.objects.exists()
    awaiting_card.refresh_from_db()
    assert awaiting_card.status == "pending"


def test_a_signed_failure_event_for_a_paid_intent_keeps_the_pieces(stripe_sender, paid):
    event = intent_event(
        "evt_forged_failure",
        "payment_intent.payment_failed",
        paid.stripe_payment_intent,
        status="requires_payment_method",
    )
    assert post_event(stripe_sender, event).status_code == 200
    paid.refresh_from_db()
    assert paid.status != "failed"
    assert not StockReservation.objects.filter(state="released").exists()


def test_an_intent_charged_another_amount_than_the_frozen_payment_places_no_order(
    stripe_sender, awaiting_card
):
    client = stripe_client()
    intent_id = awaiting_card.stripe_payment_intent
    client.v1.payment_intents.update(
        intent_id,
        params={
            "amount": awaiting_card.charged.minor_units - 100,
            "payment_method": card_token(),
        },
    )
    assert client.v1.payment_intents.confirm(intent_id).status == "succeeded"
    event = intent_event("evt_amount", "payment_intent.succeeded", intent_id)
    assert post_event(stripe_sender, event).status_code == 200
    assert not Order.objects.exists()
    awaiting_card.refresh_from_db()
    assert awaiting_card.status == "refunded"
    assert charges_kept([awaiting_card]) == 0


def test_an_intent_in_another_currency_than_the_frozen_payment_places_no_order(stripe_sender, paid):
    CheckoutPayment.objects.filter(pk=paid.pk).update(currency="USD")
    event = intent_event("evt_currency", "payment_intent.succeeded", paid.stripe_payment_intent)
    assert post_event(stripe_sender, event).status_code == 200
    assert not Order.objects.exists()
    paid.refresh_from_db()
    assert paid.status == "refunded"
    assert charges_kept([paid]) == 0


def test_reconciliation_refunds_an_orphan_succeeded_intent(ordered):
    twin = second_charge(ordered)
    tasks.reconcile_charges()
    twin.refresh_from_db()
    assert twin.status == "refunded" and twin.order is None
    assert charges_kept([ordered, twin]) == 1
    assert Order.objects.count() == 1


def test_reconciliation_places_the_order_of_a_paid_intent_whose_webhook_was_lost(paid):
    tasks.reconcile_charges()
    paid.refresh_from_db()
    assert paid.order is not None and paid.status == "succeeded"
    assert charges_kept([paid]) == 1


def test_reconciliation_leaves_a_payment_awaiting_the_card_alone(awaiting_card):
    tasks.reconcile_charges()
    awaiting_card.refresh_from_db()
    assert awaiting_card.status == "pending"
    assert StockReservation.objects.get().state == "active"


def test_reconciliation_runs_on_celery_beat():
    tasks = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert "marketplace.payments.tasks.reconcile_charges" in tasks
