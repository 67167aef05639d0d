"""A placed order's pages show its amounts in the currency it was charged in, at the rate locked
on the order (never today's), with the amount charged beside its MAD reference."""

from decimal import Decimal
from urllib.parse import urlsplit

import pytest
from babel.numbers import format_currency
from bs4 import BeautifulSoup
from oscar.core.loading import get_model

from marketplace.currency.models import ExchangeRate
from marketplace.payments.emails import order_status_url
from tests.factories.checkout import address_in, rug_and_lantern, start_payment, walk_to_preview
from tests.factories.users import UserFactory

Order = get_model("order", "Order")
pytestmark = pytest.mark.django_db


def pay_in_pounds(client, guest=True):
    client.cookies["currency"] = "GBP"
    walk_to_preview(
        client,
        rug_and_lantern(),
        address=address_in("GB"),
        shipping={"incoterm": "DAP"},
        guest=guest,
    )
    response = start_payment(client)
    client.get(response.json()["return_url"])
    return Order.objects.get()


def pounds(amount):
    return format_currency(amount, "GBP", locale="en_GB")


def text_of(html, testid):
    found = BeautifulSoup(html, "html.parser").select_one(f'[data-testid="{testid}"]')
    return found.get_text(" ", strip=True) if found else ""


def test_the_account_order_page_keeps_the_rate_locked_on_the_order(client, stripe_api):
    client.force_login(UserFactory(email="claire@example.com"))
    order = pay_in_pounds(client, guest=False)
    payment = order.checkout_payment
    rate = ExchangeRate.objects.get(currency="GBP")
    rate.rate = rate.rate * 2
    rate.save()
    html = client.get(f"/en/accounts/orders/{order.number}/").content.decode()
    assert pounds(payment.amount) in text_of(html, "charged")
    assert pounds((order.basket_total_incl_tax * payment.rate).quantize(Decimal("0.01"))) in html


def test_the_account_order_page_lists_its_amounts_in_pounds_not_dirhams(client, stripe_api):
    client.force_login(UserFactory(email="claire@example.com"))
    order = pay_in_pounds(client, guest=False)
    html = client.get(f"/en/accounts/orders/{order.number}/").content.decode()
    soup = BeautifulSoup(html, "html.parser")
    for node in soup.select(".mad-reference, .rate-date"):
        node.decompose()
    content = soup.select_one("#content_inner").get_text(" ", strip=True)
    assert "£" in content and "MAD" not in content


def test_the_guest_order_status_page_shows_duties_paid_now_and_the_pounds_charged(
    client, stripe_api, home_page
):
    order = pay_in_pounds(client)
    payment = order.checkout_payment
    parts = urlsplit(order_status_url(order, "en"))
    form = client.get(parts.path, follow=True)
    response = client.post(form.redirect_chain[-1][0], {"email": order.email}, follow=True)
    html = response.content.decode()
    assert "Duties and taxes collected now" in text_of(html, "paid-now-duties")
    assert pounds(payment.amount) in text_of(html, "charged")
    assert "MAD" in text_of(html, "charged")
