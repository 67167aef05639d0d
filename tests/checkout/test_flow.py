"""A buyer's checkout through the real views, paying at localstripe over HTTP."""

from decimal import Decimal

import pytest
from django.core import mail
from oscar.core.loading import get_model

from marketplace.payments.models import CheckoutPayment, StockReservation
from tests.factories.catalogue import SellerFactory
from tests.factories.checkout import (
    DECLINED_CARD,
    CountryFactory,
    start_payment,
    unique_piece,
    walk_to_preview,
)
from tests.factories.users import UserFactory

Order = get_model("order", "Order")
pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _france(db):
    CountryFactory()


@pytest.fixture
def two_sellers_pieces():
    first = unique_piece("1000.00", seller=SellerFactory(name="Atelier Fès"))
    second = unique_piece("500.50", seller=SellerFactory(name="Coopérative Tiznit"))
    return first, second


def pay(client, card=None, **kwargs):
    response = start_payment(client, **({"card": card} if card else {}), **kwargs)
    return response


def test_preview_groups_the_basket_by_seller_and_says_payments_are_tests(
    eur_buyer, stripe_api, two_sellers_pieces
):
    response = walk_to_preview(eur_buyer, two_sellers_pieces)
    html = response.content.decode()
    assert html.count('data-testid="seller-group"') == 2
    assert "Atelier Fès" in html and "Coopérative Tiznit" in html
    assert 'data-testid="test-payments"' in html


def test_guest_pays_in_euros_and_one_order_holds_both_sellers_lines(
    eur_buyer, stripe_api, two_sellers_pieces
):
    walk_to_preview(eur_buyer, two_sellers_pieces)
    response = pay(eur_buyer, card="4242424242424242")
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "succeeded"
    returned = eur_buyer.get(response.json()["return_url"])
    assert returned.status_code == 302 and returned.url.endswith("/checkout/thank-you/")
    order = Order.objects.get()
    assert order.guest_email == "claire@example.com"
    assert {line.partner.name for line in order.lines.all()} == {
        "Atelier Fès",
        "Coopérative Tiznit",
    }
    payment = order.checkout_payment
    assert payment.total_mad == order.total_incl_tax
    assert order.total_incl_tax == (
        Decimal("1500.50") + order.shipping_incl_tax + order.surcharge_incl_tax
    )
    assert payment.currency == "EUR"
    assert payment.amount == (order.total_incl_tax * payment.rate).quantize(Decimal("0.01"))
    assert eur_buyer.get("/en/checkout/thank-you/").status_code == 200


def test_paid_unique_pieces_are_sold_out_and_their_reservations_consumed(
    eur_buyer, stripe_api, two_sellers_pieces
):
    walk_to_preview(eur_buyer, two_sellers_pieces)
    eur_buyer.get(pay(eur_buyer, card="4242424242424242").json()["return_url"])
    for product in two_sellers_pieces:
        record = product.stockrecords.get()
        assert record.num_in_stock - (record.num_allocated or 0) == 0
    assert set(StockReservation.objects.values_list("state", flat=True)) == {"consumed"}


def test_declined_card_places_no_order_and_frees_the_pieces(
    eur_buyer, stripe_api, two_sellers_pieces
):
    walk_to_preview(eur_buyer, two_sellers_pieces)
    response = pay(eur_buyer, card=DECLINED_CARD)
    assert response.status_code == 402
    assert "declined" in response.json()["error"].lower()
    assert not Order.objects.exists()
    assert not StockReservation.objects.filter(state="active").exists()
    payment = CheckoutPayment.objects.get()
    assert payment.status == "failed" and payment.basket.status == "Open"


def test_buyer_can_pay_again_after_a_declined_card(eur_buyer, stripe_api, two_sellers_pieces):
    walk_to_preview(eur_buyer, two_sellers_pieces)
    pay(eur_buyer, card=DECLINED_CARD)
    eur_buyer.get("/en/checkout/preview/")
    response = pay(eur_buyer, card="4242424242424242")
    assert response.status_code == 200
    eur_buyer.get(response.json()["return_url"])
    assert Order.objects.count() == 1


def test_a_piece_reserved_by_another_buyer_gets_a_clear_message_and_no_charge(client, stripe_api):
    from django.test import Client

    piece = unique_piece()
    first, second = Client(), client
    walk_to_preview(first, [piece], email="first@example.com")
    walk_to_preview(second, [piece], email="second@example.com")
    assert pay(first, card="4242424242424242").status_code == 200
    response = pay(second, card="4242424242424242")
    assert response.status_code == 409
    assert "reserved or sold to another buyer" in response.json()["error"]
    assert CheckoutPayment.objects.filter(email="second@example.com").count() == 0


def test_a_stale_rate_lock_is_refused_before_any_payment(eur_buyer, stripe_api, two_sellers_pieces):
    from django.urls import reverse

    walk_to_preview(eur_buyer, two_sellers_pieces)
    response = eur_buyer.post(reverse("checkout:payment-start"), {"rate_lock": "1:old"})
    assert response.status_code == 409
    assert not CheckoutPayment.objects.exists()


def test_signed_in_buyer_checks_out_with_their_account(client, stripe_api, two_sellers_pieces):
    user = UserFactory(email="amina@example.com")
    client.force_login(user)
    walk_to_preview(client, two_sellers_pieces, guest=False)
    client.get(pay(client, card="4242424242424242").json()["return_url"])
    order = Order.objects.get()
    assert order.user == user and order.email == "amina@example.com"


def test_another_visitor_cannot_open_a_payment_return_page(
    eur_buyer, stripe_api, two_sellers_pieces
):
    from django.test import Client

    walk_to_preview(eur_buyer, two_sellers_pieces)
    url = pay(eur_buyer, card="4242424242424242").json()["return_url"]
    assert Client().get(url).status_code == 404


def test_buyer_and_each_seller_get_an_email_in_their_language(
    client, stripe_api, django_capture_on_commit_callbacks
):
    client.cookies["currency"] = "EUR"
    seller_a = SellerFactory(name="Atelier A", preferred_language="fr")
    seller_b = SellerFactory(name="Atelier B", preferred_language="fr")
    seller_a.users.add(UserFactory(email="a@atelier.ma"))
    seller_b.users.add(UserFactory(email="b@atelier.ma"))
    pieces = [unique_piece(seller=seller_a), unique_piece(seller=seller_b)]
    walk_to_preview(client, pieces, language="fr")
    return_url = pay(client, card="4242424242424242", language="fr").json()["return_url"]
    with django_capture_on_commit_callbacks(execute=True):
        client.get(return_url)
    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert set(by_recipient) == {"claire@example.com", "a@atelier.ma", "b@atelier.ma"}
    assert "Votre commande" in by_recipient["claire@example.com"].subject
    assert "Nouvelle commande" in by_recipient["a@atelier.ma"].subject
    assert "Destination : France" in by_recipient["a@atelier.ma"].body
    assert pieces[1].get_title() not in by_recipient["a@atelier.ma"].body


def test_basket_page_shows_a_heading_per_seller(client, two_sellers_pieces):
    for product in two_sellers_pieces:
        client.post(f"/en/basket/add/{product.pk}/", {"quantity": 1})
    html = client.get("/en/basket/").content.decode()
    assert html.count('data-testid="basket-seller"') == 2
    assert "From Atelier Fès" in html


def test_a_seller_with_a_preferred_language_is_written_to_in_it(
    client, stripe_api, django_capture_on_commit_callbacks
):
    seller = SellerFactory(name="Atelier C", preferred_language="es")
    seller.users.add(UserFactory(email="c@atelier.ma"))
    walk_to_preview(client, [unique_piece(seller=seller)])
    return_url = pay(client, card="4242424242424242").json()["return_url"]
    with django_capture_on_commit_callbacks(execute=True):
        client.get(return_url)
    seller_mail = next(message for message in mail.outbox if message.to == ["c@atelier.ma"])
    assert "Nuevo pedido" in seller_mail.subject


def test_the_arabic_checkout_reads_right_to_left(client, stripe_api, two_sellers_pieces):
    response = walk_to_preview(client, two_sellers_pieces, language="ar")
    html = response.content.decode()
    assert 'dir="rtl"' in html
    assert "المراجعة والدفع" in html


def test_a_declined_payment_element_payment_returns_the_buyer_to_the_preview(
    eur_buyer, stripe_api, two_sellers_pieces
):
    import stripe

    from marketplace.payments.gateway import stripe_client
    from tests.factories.checkout import card_token

    walk_to_preview(eur_buyer, two_sellers_pieces)
    started = start_payment(eur_buyer, card=None).json()
    intent_id = CheckoutPayment.objects.get().stripe_payment_intent
    client = stripe_client()
    client.v1.payment_intents.update(
        intent_id, params={"payment_method": card_token(DECLINED_CARD)}
    )
    with pytest.raises(stripe.CardError):
        client.v1.payment_intents.confirm(intent_id)
    response = eur_buyer.get(started["return_url"], follow=True)
    assert response.redirect_chain[0][0].endswith("/checkout/preview/")
    assert "declined" in response.content.decode().lower()
    assert not Order.objects.exists()
    assert not StockReservation.objects.filter(state="active").exists()
