"""A basket line that cannot be bought says why, by cause, as a warning: a destination rule,
no carrier for its weight, sold out; never "no longer available" in the green of "In stock"."""

import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from tests.factories.catalogue import ProductFactory

pytestmark = pytest.mark.django_db
CSS = Path(settings.BASE_DIR) / "themes/static/themes/css/storefront.css"


def add(client, product, country):
    client.cookies["country"] = country
    client.post(reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": 1})


def checkout(client):
    response = client.get("/en/checkout/", follow=True)
    assert response.redirect_chain[-1][0].endswith(reverse("basket:summary"))
    return response.content.decode()


@pytest.fixture
def plate(craft):
    """Food ware: the US asks for a lead and cadmium test (ASTM C738), Switzerland does not."""
    return ProductFactory(hs_code="6912", category=craft, weight_kg=Decimal("1"))


@pytest.fixture
def tray(craft):
    return ProductFactory(hs_code="6907", category=craft, weight_kg=Decimal("20"))


def test_a_destination_refusal_is_worded_by_its_rule_at_checkout(client, plate):
    add(client, plate, "CH")
    client.cookies["country"] = "US"
    page = checkout(client)
    assert "cannot be sent there: To ship to United States this piece needs" in page
    assert "no longer available" not in page


def test_a_piece_too_heavy_for_every_carrier_says_so_at_checkout(client, tray):
    add(client, tray, "GB")
    tray.weight_kg = Decimal("40")
    tray.save()
    page = checkout(client)
    assert "No carrier takes a piece of 40 kg to United Kingdom." in page
    assert "no longer available" not in page


def test_a_sold_out_piece_says_it_is_sold_out_at_checkout(client, plate):
    add(client, plate, "CH")
    plate.stockrecords.update(num_in_stock=0)
    page = checkout(client)
    assert "is sold out" in page
    assert "no longer available" not in page


def test_the_basket_line_shows_its_refusal_as_a_warning(client, plate):
    add(client, plate, "CH")
    client.cookies["country"] = "US"
    page = client.get(reverse("basket:summary")).content.decode()
    assert re.search(r'class="availability cannot-ship">To ship to United States', page)


def css_rule(selector):
    css = CSS.read_text()
    match = re.search(r"([^{}]*)\{([^}]*)\}", css[css.index(selector) :])
    return match.group(2)


def test_the_warning_style_is_not_the_green_of_in_stock():
    in_stock = re.search(r"color:\s*([^;]+);", css_rule(".availability {")).group(1)
    warning = css_rule(".availability.cannot-ship")
    color = re.search(r"(?<![-\w])color:\s*([^;]+);", warning).group(1)
    assert color != in_stock and "background" in warning
