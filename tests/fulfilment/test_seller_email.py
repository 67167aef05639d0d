"""The new-order email takes each seller straight to its order page in the seller space."""

from urllib.parse import urlsplit

import pytest
from django.core import mail

from tests.factories.catalogue import SellerFactory
from tests.factories.checkout import paid_order
from tests.factories.users import member_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def sellers():
    first = SellerFactory(name="Atelier Safi", preferred_language="fr")
    second = SellerFactory(name="Cooperative Amal", preferred_language="ar")
    for seller, email in ((first, "safi@example.ma"), (second, "amal@example.ma")):
        user = member_of(seller)
        user.email = email
        user.save()
    return first, second


def mail_to(address):
    return next(message for message in mail.outbox if message.to == [address])


def place(client, sellers, capture):
    with capture(execute=True):
        return paid_order(client, sellers=sellers)


def test_seller_email_links_to_its_order_page_in_its_language(
    eur_buyer, stripe_api, sellers, settings, django_capture_on_commit_callbacks
):
    settings.WAGTAILADMIN_BASE_URL = "https://darmaalem.example/"
    order = place(eur_buyer, sellers, django_capture_on_commit_callbacks)
    french = mail_to("safi@example.ma").body
    arabic = mail_to("amal@example.ma").body
    assert f"https://darmaalem.example/fr/my-shop/orders/{order.number}/" in french
    assert f"https://darmaalem.example/ar/my-shop/orders/{order.number}/" in arabic


def test_the_emailed_link_opens_the_sellers_own_lines(
    client, eur_buyer, stripe_api, sellers, django_capture_on_commit_callbacks
):
    order = place(eur_buyer, sellers, django_capture_on_commit_callbacks)
    body = mail_to("safi@example.ma").body
    link = next(word for word in body.split() if "/my-shop/orders/" in word)
    path = urlsplit(link).path
    client.force_login(sellers[0].users.get())
    response = client.get(path)
    assert response.status_code == 200
    assert [line.partner for line in response.context["lines"]] == [sellers[0]]
    assert order.number in response.content.decode()
