"""A paid checkout whose total changed before its order was placed (a shipping rate table
edited between payment and webhook) places no order: the charge is refunded in full, the
pieces and the basket go back to the buyer with a message, and the team gets a log entry."""

import logging
from decimal import Decimal

import pytest
from django.conf import settings
from django.db.models import F
from oscar.core.loading import get_model

from marketplace.core.cache import SHIPPING, bump
from marketplace.payments.gateway import stripe_client
from marketplace.payments.models import CheckoutPayment, PaymentRefund, StockReservation
from tests.factories.catalogue import SellerFactory
from tests.factories.checkout import CountryFactory, start_payment, unique_piece, walk_to_preview
from tests.support.payments import intent_event, signed_event

Order = get_model("order", "Order")
Rate = get_model("shipping", "Rate")
pytestmark = pytest.mark.django_db
WEBHOOK = "/payments/stripe/webhook/"
ONE_CENT = Decimal("0.01")


@pytest.fixture(autouse=True)
def _france(db):
    CountryFactory()


def paid(client, language="en"):
    """A payment whose intent succeeded at Stripe; its order is not placed yet."""
    pieces = [unique_piece(seller=SellerFactory()), unique_piece(seller=SellerFactory())]
    walk_to_preview(client, pieces, language=language)
    response = start_payment(client, language=language)
    assert response.json()["status"] == "succeeded", response.content
    return CheckoutPayment.objects.get(), response.json()["return_url"]


def edit_rate_table(by=ONE_CENT):
    """As the rate import does: the rates move, and the cached tables are dropped."""
    Rate.objects.update(price=F("price") + by)
    bump(SHIPPING)


def post_succeeded(client, payment):
    event = intent_event("evt_changed", "payment_intent.succeeded", payment.stripe_payment_intent)
    body, signature = signed_event(event, settings.STRIPE_WEBHOOK_SECRET)
    return client.post(
        WEBHOOK, body, content_type="application/json", HTTP_STRIPE_SIGNATURE=signature
    )


def test_a_rate_edited_by_one_cent_before_the_webhook_places_no_order(
    client, eur_buyer, stripe_api
):
    payment, _url = paid(eur_buyer)
    edit_rate_table()
    assert post_succeeded(client, payment).status_code == 200
    payment.refresh_from_db()
    assert not Order.objects.exists()
    assert payment.order is None and payment.status == "refunded"


def test_the_charge_is_refunded_in_full_at_stripe(client, eur_buyer, stripe_api):
    payment, _url = paid(eur_buyer)
    edit_rate_table()
    post_succeeded(client, payment)
    refund = PaymentRefund.objects.get(payment=payment)
    assert refund.amount == payment.amount and refund.amount_mad == payment.total_mad
    at_stripe = stripe_client().v1.refunds.retrieve(refund.stripe_refund)
    assert at_stripe.amount == payment.charged.minor_units


def test_the_pieces_and_the_basket_go_back_to_the_buyer(client, eur_buyer, stripe_api):
    payment, _url = paid(eur_buyer)
    edit_rate_table()
    post_succeeded(client, payment)
    assert not StockReservation.objects.filter(state="active").exists()
    payment.basket.refresh_from_db()
    assert payment.basket.status == "Open"


def test_the_refusal_is_logged_with_both_totals(client, eur_buyer, stripe_api, caplog):
    payment, _url = paid(eur_buyer)
    edit_rate_table()
    with caplog.at_level(logging.ERROR, logger="marketplace.payments.placement"):
        post_succeeded(client, payment)
    record = next(r for r in caplog.records if r.name == "marketplace.payments.placement")
    assert record.levelno == logging.ERROR
    assert payment.order_number in record.getMessage()
    assert f"{payment.total_mad} MAD" in record.getMessage()
    assert f"{payment.total_mad + 2 * ONE_CENT} MAD" in record.getMessage()  # two parcels


def test_the_returning_buyer_reads_why_in_their_language(eur_buyer, stripe_api):
    _payment, url = paid(eur_buyer, language="fr")
    edit_rate_table()
    response = eur_buyer.get(url, follow=True)
    assert response.redirect_chain[-1][0].endswith("/checkout/preview/")
    assert "Le prix de votre commande a changé" in response.content.decode()
    assert not Order.objects.exists()


def test_the_webhook_after_a_refusal_refunds_nothing_more(client, eur_buyer, stripe_api):
    payment, url = paid(eur_buyer)
    edit_rate_table()
    eur_buyer.get(url)
    post_succeeded(client, payment)
    assert PaymentRefund.objects.filter(payment=payment).count() == 1
    assert not Order.objects.exists()


def test_a_shipping_service_withdrawn_before_the_webhook_refunds_too(client, eur_buyer, stripe_api):
    payment, _url = paid(eur_buyer)
    Rate.objects.all().delete()
    bump(SHIPPING)
    post_succeeded(client, payment)
    payment.refresh_from_db()
    assert payment.status == "refunded" and not Order.objects.exists()


def test_an_unchanged_table_places_the_order_at_the_charged_total(client, eur_buyer, stripe_api):
    payment, _url = paid(eur_buyer)
    post_succeeded(client, payment)
    payment.refresh_from_db()
    assert payment.order.total_incl_tax == payment.total_mad
    assert not PaymentRefund.objects.exists()
