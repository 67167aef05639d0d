"""Every craft kind to every main destination (8 x 5 = 40 cells): the product page, the basket
and the checkout give the answer of the destination rules, and ``can_ship`` (Python) and
``ships_to`` (SQL) give the same one.

The pieces hold no certificate, so each cell shows whether a rule in force keeps that kind out;
``KEPT_OUT`` is that table written by hand from the rules and their sources (see the data
migration ``certificates.0006_uk_canada_and_cosmetics_rules``).
"""

import pytest
from django.urls import reverse

from catalog.models import Product
from compliance import kinds as K
from compliance.rules import can_ship, ships_to
from marketplace.core.countries import country_name
from tests.factories.catalogue import ProductFactory
from tests.factories.checkout import address_in
from tests.factories.compliance import ExportProfileFactory

pytestmark = pytest.mark.django_db
DESTINATIONS = ("US", "FR", "DE", "GB", "CA")
# kind -> (HS code, export profile) of a piece of that kind
PIECES = {
    K.CERAMIC_TABLEWARE: ("6912", {"food_contact": True}),
    K.CERAMIC: ("6913", None),
    K.LEATHER: ("6403", None),
    K.WOOD: ("4420", None),
    K.PLANT: ("4602", None),
    K.COSMETIC: ("3304", None),
    K.CHILDREN: ("6304", {"for_children": True}),
    K.TEXTILE: ("5701", None),
}
KEPT_OUT = {
    "US": {K.CERAMIC_TABLEWARE, K.WOOD, K.PLANT, K.COSMETIC, K.CHILDREN},
    "FR": {K.CERAMIC_TABLEWARE, K.LEATHER, K.COSMETIC},
    "DE": {K.CERAMIC_TABLEWARE, K.LEATHER, K.COSMETIC},
    "GB": {K.CERAMIC_TABLEWARE, K.LEATHER, K.COSMETIC},
    "CA": {K.CERAMIC_TABLEWARE, K.COSMETIC, K.CHILDREN},
}
CELLS = [(kind, country) for kind in PIECES for country in DESTINATIONS]
NEUTRAL = "CH"  # served by the carriers, no destination rule


def piece(kind):
    hs_code, profile = PIECES[kind]
    product = ProductFactory(title_en=f"Piece {kind}", hs_code=hs_code)
    if profile:
        ExportProfileFactory(product=product, **profile)
    return product


def product_page_says(client, product, country):
    client.cookies["country"] = country
    html = client.get(product.get_absolute_url()).content.decode()
    name = country_name(country, "en")
    if f"Ships to {name}" in html:
        return True
    assert f"Does not ship to {name}" in html
    assert 'data-testid="add-to-basket"' not in html
    return False


def basket_takes(client, product, country):
    client.cookies["country"] = country
    client.post(reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": 1})
    basket = client.get(reverse("basket:summary")).context["basket"]
    return basket.num_lines == 1


def checkout_goes_on(client, product, country):
    """Basket filled from a country without rules, then the address in ``country``."""
    client.cookies["country"] = NEUTRAL
    client.post(reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": 1})
    client.post("/en/checkout/", {"username": "claire@example.com", "options": "anonymous"})
    response = client.post("/en/checkout/shipping-address/", address_in(country))
    assert response.status_code == 302, response.content[:2000]
    response = client.get("/en/checkout/shipping-method/", follow=True)
    if not response.redirect_chain:
        assert response.status_code == 200
        return True
    assert response.redirect_chain[-1][0].endswith("/basket/")
    assert f"cannot ship to {country_name(country, 'en')}" in response.content.decode()
    return False


@pytest.mark.parametrize(("kind", "country"), CELLS, ids=[f"{k}-{c}" for k, c in CELLS])
def test_page_basket_checkout_and_both_rule_functions_agree(client, kind, country):
    from django.test import Client

    product = piece(kind)
    allowed = kind not in KEPT_OUT[country]
    assert can_ship(product, country)[0] is allowed
    in_list = ships_to(Product.objects.filter(pk=product.pk), country).exists()
    assert in_list is allowed
    assert product_page_says(client, product, country) is allowed
    assert basket_takes(Client(), product, country) is allowed
    assert checkout_goes_on(Client(), product, country) is allowed


def test_the_table_names_every_kind_and_destination():
    assert set(PIECES) == {code for code, _label in K.KIND_CHOICES}
    assert set(KEPT_OUT) == set(DESTINATIONS)
