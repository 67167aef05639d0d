"""Before an address, the basket says shipping is still to come, with an estimate; never "free"."""

import re
from decimal import Decimal

import pytest
from oscar.core.loading import get_class

from marketplace.core import formats
from marketplace.currency.rates import current_rate
from tests.factories.catalogue import ProductFactory

ParcelsMethod = get_class("shipping.methods", "ParcelsMethod")
pytestmark = pytest.mark.django_db


def basket_page(client, product, country="FR"):
    client.cookies["country"] = country
    client.post(f"/en/basket/add/{product.pk}/", {"quantity": 1})
    response = client.get("/en/basket/")
    assert response.status_code == 200
    return response


def row(html, testid):
    found = re.search(rf'<tr data-testid="{testid}">(.*?)</tr>', html, re.S)
    return re.sub(r"\s+", " ", found.group(1)) if found else ""


def test_basket_does_not_call_shipping_free_before_an_address(client):
    html = basket_page(client, ProductFactory(hs_code="5701")).content.decode()
    assert "Free shipping" not in html
    assert "Calculated at checkout from your address" in row(html, "shipping-pending")
    assert "Total before shipping" in html


def test_basket_estimates_the_cheapest_parcels_to_the_buyers_country(client):
    product = ProductFactory(hs_code="5701", stockrecord__price=Decimal("900.00"))
    response = basket_page(client, product, "FR")
    basket = response.context["basket"]
    expected = ParcelsMethod("FR", "cheapest").summary(basket).shipping
    estimate = row(response.content.decode(), "shipping-estimate")
    assert expected > 0
    assert "Estimate to France" in estimate
    assert formats.format_money(current_rate("EUR").convert(expected).amount, "EUR") in estimate


def test_basket_lines_and_totals_are_in_the_buyers_currency(client):
    product = ProductFactory(hs_code="5701", stockrecord__price=Decimal("900.00"))
    client.cookies["currency"] = "GBP"
    html = basket_page(client, product, "GB").content.decode()
    pounds = formats.format_money(current_rate("GBP").convert(Decimal("900.00")).amount, "GBP")
    assert pounds in row(html, "basket-total")
    assert "MAD" not in html.split('id="content_inner"')[-1].split("<footer")[0]


def test_basket_total_leaves_shipping_out(client):
    product = ProductFactory(hs_code="5701", stockrecord__price=Decimal("900.00"))
    response = basket_page(client, product)
    assert response.context["order_total"].incl_tax == Decimal("900.00")


def test_basket_says_when_a_piece_cannot_ship_to_the_country_chosen_later(client):
    basket_page(client, ProductFactory(title_en="Tamegroute plate", hs_code="6912"), "CH")
    client.cookies["country"] = "FR"
    estimate = row(client.get("/en/basket/").content.decode(), "shipping-estimate")
    assert "Cannot ship to France: Tamegroute plate." in estimate


def test_basket_says_it_in_the_buyers_language(client):
    basket_page(client, ProductFactory(hs_code="5701"))
    html = client.get("/ar/basket/").content.decode()
    assert "تُحسب عند إتمام الطلب حسب عنوانك" in html
