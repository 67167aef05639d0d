"""The buyer's country: the header's "Deliver to" picker on every page, defaulting from the
browser's region, then the page language; the currency, the lists, the page cache and the
checkout's address all follow it."""

import re

import pytest
from django.urls import reverse

from tests.factories.catalogue import ProductFactory
from tests.factories.checkout import country

pytestmark = pytest.mark.django_db


def picked(html):
    """The country selected in the header's picker."""
    picker = re.search(r'data-testid="country-picker".*?</form>', html, re.S).group(0)
    return re.search(r'<option value="(\w\w)" selected>', picker).group(1)


def page(client, url, accept_language=None):
    headers = {"accept-language": accept_language} if accept_language else {}
    response = client.get(url, headers=headers)
    assert response.status_code == 200
    return response


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [("en-GB,en;q=0.9", "GB"), ("fr-FR,fr;q=0.8", "FR"), ("de-DE", "DE"), ("en-us", "US")],
)
def test_the_browser_region_is_the_default_country(client, product, accept_language, expected):
    assert picked(page(client, "/en/catalogue/", accept_language).content.decode()) == expected


@pytest.mark.parametrize(
    ("language", "expected"), [("en", "US"), ("fr", "FR"), ("es", "ES"), ("ar", "AE")]
)
def test_without_a_region_the_page_language_gives_the_country(client, product, language, expected):
    html = page(client, f"/{language}/catalogue/", "fr").content.decode()
    assert picked(html) == expected


def test_the_picker_is_in_the_header_of_every_storefront_page(client, home_page, product, craft):
    for url in ("/en/", "/en/catalogue/", craft.get_absolute_url(), product.get_absolute_url()):
        html = page(client, url, "en-GB").content.decode()
        assert picked(html) == "GB", url


def test_a_chosen_country_beats_the_browser_region(client, product):
    client.cookies["country"] = "CA"
    assert picked(page(client, "/en/catalogue/", "en-GB").content.decode()) == "CA"


def test_the_picker_remembers_the_choice_and_returns(client, product):
    response = client.post(
        reverse("shipping:set-country"), {"country": "GB", "next": "/fr/catalogue/"}
    )
    assert response.status_code == 302 and response["Location"] == "/fr/catalogue/"
    assert picked(page(client, "/fr/catalogue/").content.decode()) == "GB"


def test_a_british_browser_sees_pounds(client, product):
    html = page(client, product.get_absolute_url(), "en-GB,en;q=0.9").content.decode()
    assert "£97.20" in html  # 1200 MAD x 0.081
    assert "Ships to United Kingdom" in html


def test_the_cache_never_serves_one_countrys_page_to_another(client, product):
    url = product.get_absolute_url()
    assert page(client, url, "en-GB")["X-Page-Cache"] == "miss"
    american = page(client, url, "en-US")
    assert american["X-Page-Cache"] == "miss"
    html = american.content.decode()
    assert picked(html) == "US" and "Ships to United States" in html and "£" not in html
    british = page(client, url, "en-GB")
    assert british["X-Page-Cache"] == "hit" and picked(british.content.decode()) == "GB"


def test_a_cookie_and_a_browser_region_for_the_same_country_share_a_page(client, product):
    url = product.get_absolute_url()
    page(client, url, "en-GB")
    client.cookies["country"] = "GB"
    assert page(client, url)["X-Page-Cache"] == "hit"


def test_the_ships_to_filter_uses_the_browser_country(client, craft):
    ProductFactory(hs_code="5701", category=craft)
    ProductFactory(hs_code="6912", category=craft)  # ceramics for food: not to the US as is
    response = page(client, reverse("catalogue:index"), "en-US")
    option = response.context["facets"]["ships_to"]
    assert option["count"] == 1 and "United States" in str(option["label"])
    option = page(client, reverse("catalogue:index"), "de-CH").context["facets"]["ships_to"]
    assert option["count"] == 2 and "Switzerland" in str(option["label"])


def address_country_options(client, language, accept_language=None):
    for code in ("FR", "DE", "US", "GB"):
        country(code)
    headers = {"accept-language": accept_language} if accept_language else {}
    client.post(f"/{language}/basket/add/{ProductFactory(hs_code='5701').pk}/", {"quantity": 1})
    client.post(f"/{language}/checkout/", {"username": "c@example.com", "options": "anonymous"})
    html = client.get(f"/{language}/checkout/shipping-address/", headers=headers).content.decode()
    return re.search(r'<select name="country".*?</select>', html, re.S).group(0)


def test_french_guest_checkout_preselects_france_not_germany(client):
    select = address_country_options(client, "fr", "fr-FR,fr;q=0.9")
    assert re.findall(r'<option value="(\w\w)" selected>', select) == ["FR"]


def test_checkout_preselects_the_country_chosen_in_the_header(client):
    client.cookies["country"] = "GB"
    select = address_country_options(client, "fr", "fr-FR")
    assert re.findall(r'<option value="(\w\w)" selected>', select) == ["GB"]
