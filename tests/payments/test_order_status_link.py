"""The buyer's confirmation email links to the order page; a guest's link is signed.

A guest's link is Oscar's order-status page: signed by the order's hash, and (Oscar's second
check, so that a forwarded link alone shows nothing) asking once for the order's email."""

import re
from urllib.parse import urlsplit

import pytest

from marketplace.payments.emails import buyer_confirmation
from tests.factories.catalogue import ProductFactory
from tests.factories.orders import order_for
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db


def link_in(message):
    url = re.search(r"(https?://\S+)", message.body).group(1)
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


@pytest.fixture
def guest_order():
    return order_for(ProductFactory(), user=None, guest_email="guest@example.com")


@pytest.mark.parametrize("language", ["en", "fr", "ar", "es"])
def test_guest_email_link_opens_the_order_status_page(client, home_page, guest_order, language):
    _key, message = buyer_confirmation(guest_order, language)
    path = link_in(message)
    assert path.startswith(f"/{language}/")
    form = client.get(path, follow=True)
    assert form.status_code == 200
    response = client.post(form.redirect_chain[-1][0], {"email": "guest@example.com"}, follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == path
    assert 'id="order-parcels-title"' in response.content.decode()
    assert guest_order.number in response.content.decode()


def test_guest_email_link_needs_the_orders_email(client, home_page, guest_order):
    _key, message = buyer_confirmation(guest_order, "en")
    form = client.get(link_in(message), follow=True)
    response = client.post(form.redirect_chain[-1][0], {"email": "someone@example.com"})
    assert 'id="order-parcels-title"' not in response.content.decode()


def test_guest_email_link_is_signed(client, home_page, guest_order):
    _key, message = buyer_confirmation(guest_order, "en")
    tampered = re.sub(r"/([^/]+)/$", "/forged:hash/", link_in(message))
    form = client.get(tampered, follow=True)
    response = client.post(form.redirect_chain[-1][0], {"email": "guest@example.com"})
    assert 'id="order-parcels-title"' not in response.content.decode()


def test_registered_buyer_email_links_the_account_order_page(client, home_page):
    buyer = UserFactory()
    order = order_for(ProductFactory(), user=buyer)
    _key, message = buyer_confirmation(order, "en")
    client.force_login(buyer)
    assert client.get(link_in(message)).status_code == 200
