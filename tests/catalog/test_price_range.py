"""The price filter works in the buyer's currency: its label names it, the bounds the buyer
types (in their language's number format) are in it, and the list is filtered in MAD."""

from decimal import Decimal

import pytest

from marketplace.currency.rates import current_rate
from tests.factories.catalogue import ProductFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def prices(craft):
    """Three pieces at 300, 900 and 2000 MAD."""
    return {
        price: ProductFactory(category=craft, stockrecord__price=Decimal(price))
        for price in ("300.00", "900.00", "2000.00")
    }


def listed(client, language="en", **params):
    response = client.get(f"/{language}/catalogue/", params)
    assert response.status_code == 200
    return response


def listed_prices(response):
    return sorted(product.stockrecords.get().price for product in response.context["products"])


def pounds(mad):
    return current_rate("GBP").convert(Decimal(mad)).amount


def test_the_price_filter_is_labelled_with_the_buyers_currency(client, prices):
    client.cookies["currency"] = "GBP"
    html = listed(client).content.decode()
    assert "Price (GBP)" in html and "Price (MAD)" not in html


def test_bounds_typed_in_pounds_filter_the_list_in_dirhams(client, prices):
    client.cookies["currency"] = "GBP"
    low, high = pounds("900.00") - 1, pounds("900.00") + 1
    response = listed(client, price_min=str(low), price_max=str(high))
    assert listed_prices(response) == [Decimal("900.00")]


def test_a_bound_equal_to_the_shown_price_keeps_the_piece(client, prices):
    client.cookies["currency"] = "GBP"
    shown = pounds("900.00")
    response = listed(client, price_min=str(shown), price_max=str(shown))
    assert listed_prices(response) == [Decimal("900.00")]


def test_a_french_buyer_types_a_decimal_comma(client, prices):
    client.cookies["currency"] = "EUR"
    euros = current_rate("EUR").convert(Decimal("2000.00")).amount
    response = listed(client, "fr", price_min=str(euros - 1).replace(".", ","))
    assert listed_prices(response) == [Decimal("2000.00")]


def test_the_same_bounds_in_another_currency_select_other_pieces(client, prices):
    client.cookies["currency"] = "MAD"
    response = listed(client, price_max="500")
    assert listed_prices(response) == [Decimal("300.00")]
    client.cookies["currency"] = "EUR"
    response = listed(client, price_max="500")  # 500 EUR is over 5000 MAD
    assert listed_prices(response) == [Decimal("300.00"), Decimal("900.00"), Decimal("2000.00")]


def test_a_bound_that_is_not_a_number_is_ignored_with_a_message(client, prices):
    response = listed(client, price_min="cheap")
    assert len(listed_prices(response)) == 3
    assert 'class="field-error"' in response.content.decode()
