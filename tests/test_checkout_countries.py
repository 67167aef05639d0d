"""The checkout's country list speaks the buyer's language."""

import re

import pytest

from tests.factories import ProductFactory
from tests.factories_checkout_export import country

pytestmark = pytest.mark.django_db


def country_options(client, language):
    for code in ("FR", "US", "CA"):
        country(code)
    rug = ProductFactory(hs_code="5701")
    client.post(f"/{language}/basket/add/{rug.pk}/", {"quantity": 1})
    guest = {"username": "claire@example.com", "options": "anonymous"}
    client.post(f"/{language}/checkout/", guest)
    html = client.get(f"/{language}/checkout/shipping-address/").content.decode()
    select = re.search(r'<select name="country".*?</select>', html, re.S).group(0)
    return re.findall(r'<option value="(\w\w)"[^>]*>([^<]+)</option>', select)


def test_french_buyer_sees_french_country_names_in_french_order(client):
    assert country_options(client, "fr") == [
        ("CA", "Canada"),
        ("US", "États-Unis"),
        ("FR", "France"),
    ]


def test_arabic_buyer_sees_arabic_country_names(client):
    names = dict(country_options(client, "ar"))
    assert names["FR"] == "فرنسا"
