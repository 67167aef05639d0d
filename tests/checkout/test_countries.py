"""Country names in the reader's language: the checkout's list and its preview, the seller's
order pages (Oscar stores the English name)."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories.catalogue import ProductFactory, SellerFactory
from tests.factories.checkout import address_in, country, walk_to_preview
from tests.factories.orders import place_order
from tests.factories.users import member_of

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


def test_preview_names_the_destination_in_the_buyers_language(client):
    country("US")
    rug = ProductFactory(hs_code="5701")
    walk_to_preview(client, [rug], language="fr", address=address_in("US"))
    html = client.get("/fr/checkout/preview/").content.decode()
    ship_to = re.search(r'<p class="ship-to">(.*?)</p>', html, re.S).group(1)
    assert ship_to.endswith("États-Unis") and "United States" not in ship_to


def test_seller_order_pages_name_the_country_in_the_sellers_language(client):
    seller = SellerFactory()
    order = place_order([(ProductFactory(stockrecord__seller=seller), 1)], country="US")
    client.force_login(member_of(seller))
    with translation.override("ar"):
        pages = [reverse("seller_space:orders"), reverse("seller_space:order", args=[order.number])]
    for url in pages:
        html = client.get(url).content.decode()
        assert "الولايات المتحدة" in html, url
