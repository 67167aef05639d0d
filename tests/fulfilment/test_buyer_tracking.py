"""Buyers follow each seller's parcel from Oscar's order pages (account and guest)."""

import pytest
from django.urls import reverse
from oscar.test.factories import UserFactory

from sellers.fulfilment import parcels as parcel_ops
from sellers.fulfilment import services
from tests.factories.catalogue import SellerFactory
from tests.factories.orders import place_order
from tests.fulfilment.test_shipment_steps import piece_of

pytestmark = pytest.mark.django_db

DHL_LINK = "https://www.dhl.com/ma-en/home/tracking.html?tracking-id=1234567890"


@pytest.fixture
def buyer():
    return UserFactory()


def shipped_order(user=None):
    seller = SellerFactory(name="Atelier Safi", city="Safi")
    order = place_order([(piece_of(seller), 1)], user=user)
    (parcel,) = parcel_ops.create_parcels(order)
    services.set_tracking(parcel, "dhl-express", "1234567890")
    return order


def account_page(client, order, language="en"):
    return client.get(f"/{language}/accounts/orders/{order.number}/")


def guest_page(client, order, hash_, email="guest@example.com"):
    """Oscar's guest order status: the order's hash in the link, then the buyer's email."""
    kwargs = {"order_number": order.number, "hash": hash_}
    client.post(reverse("customer:anon-order-form", kwargs=kwargs), {"email": email})
    return client.get(reverse("customer:anon-order", kwargs=kwargs))


def guest_order():
    order = shipped_order()
    order.guest_email = "guest@example.com"
    order.save(update_fields=["guest_email"])
    return order


def test_account_order_page_shows_the_carrier_tracking_link(client, buyer):
    order = shipped_order(user=buyer)
    client.force_login(buyer)
    response = account_page(client, order)
    assert response.status_code == 200
    assert DHL_LINK in response.content.decode()


def test_account_order_page_says_when_a_parcel_is_not_dispatched_yet(client, buyer):
    seller = SellerFactory(name="Cooperative Amal")
    order = place_order([(piece_of(seller), 1)], user=buyer)
    parcel_ops.create_parcels(order)
    client.force_login(buyer)
    html = account_page(client, order).content.decode()
    assert "Cooperative Amal" in html and "not dispatched yet" in html


def test_account_order_page_renders_in_arabic(client, buyer):
    order = shipped_order(user=buyer)
    client.force_login(buyer)
    response = account_page(client, order, language="ar")
    assert response.status_code == 200 and DHL_LINK in response.content.decode()


def test_another_customer_does_not_see_the_order(client, buyer):
    order = shipped_order(user=buyer)
    client.force_login(UserFactory())
    assert account_page(client, order).status_code == 404


def test_guest_order_status_page_shows_the_carrier_tracking_link(client):
    order = guest_order()
    response = guest_page(client, order, order.verification_hash())
    assert response.status_code == 200
    assert DHL_LINK in response.content.decode()


def test_guest_order_status_page_needs_the_orders_hash(client):
    order = guest_order()
    response = guest_page(client, order, "not-the-hash")
    assert response.status_code == 302
    assert DHL_LINK not in client.get(response.url).content.decode()


def test_guest_order_status_page_needs_the_buyers_email(client):
    order = guest_order()
    response = guest_page(client, order, order.verification_hash(), email="other@example.com")
    assert response.status_code == 302
