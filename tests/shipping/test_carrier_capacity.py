"""A piece no carrier takes (too heavy, too long, too valuable) never says it ships: the product
page, the ships-to filter, the basket and the checkout all ask ``shipping.reach``. The zellige
tables of 30-56 kg said "Ships to United Kingdom" although every rate stops at 30 kg."""

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from shipping.models import Service
from tests.factories.catalogue import ProductFactory
from tests.factories.checkout import address_in

pytestmark = pytest.mark.django_db
NAMES = {"GB": "United Kingdom", "FR": "France"}


@pytest.fixture
def table(craft):
    """A 40 kg zellige table: every carrier's rates stop at 30 kg."""
    return ProductFactory(hs_code="6907", category=craft, weight_kg=Decimal("40"))


@pytest.fixture
def tray(craft):
    return ProductFactory(hs_code="6907", category=craft, weight_kg=Decimal("20"))


def product_page(client, product, country):
    client.cookies["country"] = country
    with translation.override("en"):
        url = product.get_absolute_url()
    return client.get(url).content.decode()


def listed(client, country):
    response = client.get(reverse("catalogue:index") + f"?ships_to={country}")
    return {p.pk for p in response.context["products"]}


@pytest.mark.parametrize("country", ["GB", "FR"])
def test_the_product_page_says_no_carrier_takes_a_40_kg_piece(client, table, country):
    html = product_page(client, table, country)
    assert f"Ships to {NAMES[country]}" not in html
    assert f"No carrier takes a piece of 40 kg to {NAMES[country]}." in html
    assert 'data-testid="add-to-basket"' not in html


@pytest.mark.parametrize("country", ["GB", "FR"])
def test_the_product_page_says_a_20_kg_piece_ships(client, tray, country):
    assert f"Ships to {NAMES[country]}" in product_page(client, tray, country)


@pytest.mark.parametrize("country", ["GB", "FR"])
def test_the_ships_to_filter_leaves_out_a_piece_no_carrier_takes(client, table, tray, country):
    assert listed(client, country) == {tray.pk}


def test_the_ships_to_facet_does_not_count_a_piece_no_carrier_takes(client, table, tray):
    client.cookies["country"] = "GB"
    option = client.get(reverse("catalogue:index")).context["facets"]["ships_to"]
    assert option["count"] == 1


@pytest.mark.parametrize("country", ["GB", "FR"])
def test_the_basket_refuses_a_piece_no_carrier_takes(client, table, country):
    client.cookies["country"] = country
    response = client.post(
        reverse("basket:add", kwargs={"pk": table.pk}), {"quantity": 1}, follow=True
    )
    assert "No carrier takes a piece of 40 kg" in response.content.decode()
    assert client.get(reverse("basket:summary")).context["basket"].num_lines == 0


def test_the_checkout_refuses_a_piece_that_became_too_heavy_in_the_basket(client, tray):
    client.cookies["country"] = "FR"
    client.post(reverse("basket:add", kwargs={"pk": tray.pk}), {"quantity": 1})
    tray.weight_kg = Decimal("40")
    tray.save()
    client.post("/en/checkout/", {"username": "claire@example.com", "options": "anonymous"})
    client.post("/en/checkout/shipping-address/", address_in("FR"))
    response = client.get("/en/checkout/shipping-method/", follow=True)
    assert response.redirect_chain[-1][0].endswith(reverse("basket:summary"))
    assert "No carrier takes a piece of 40 kg to France." in response.content.decode()


def test_a_service_length_limit_keeps_a_long_piece_home(client, craft):
    door = ProductFactory(
        category=craft,
        weight_kg=Decimal("10"),
        length_cm=Decimal("210"),
        width_cm=Decimal("5"),
        height_cm=Decimal("5"),
    )
    Service.objects.update(max_length_cm=Decimal("150"))
    html = product_page(client, door, "GB")
    assert "No carrier takes a piece this long (210 cm) to United Kingdom." in html
    assert door.pk not in listed(client, "GB")


def test_a_service_value_limit_keeps_a_precious_piece_home(client, craft):
    rug = ProductFactory(
        category=craft, weight_kg=Decimal("3"), stockrecord__price=Decimal("90000")
    )
    Service.objects.update(max_value=Decimal("50000"))
    html = product_page(client, rug, "GB")
    assert "No carrier insures a piece of this value to United Kingdom." in html
    assert rug.pk not in listed(client, "GB")
