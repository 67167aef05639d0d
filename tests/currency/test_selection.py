"""Buyers see prices in their currency; pages stay cacheable per currency."""

import pytest
from django.test import RequestFactory
from django.utils import translation

from marketplace.currency.selection import buyer_currency

pytestmark = pytest.mark.django_db


def request_with(cookies=None):
    request = RequestFactory().get("/")
    request.COOKIES.update(cookies or {})
    return request


@pytest.mark.parametrize(
    "cookies,language,expected",
    [
        ({"currency": "GBP"}, "fr", "GBP"),
        ({"currency": "XXX"}, "fr", "EUR"),
        ({"country": "DE"}, "en", "EUR"),
        ({"country": "GB"}, "fr", "GBP"),
        ({"country": "CA"}, "fr", "CAD"),
        ({}, "fr", "EUR"),
        ({}, "en", "USD"),
        ({}, "ar", "MAD"),
    ],
)
def test_currency_follows_cookie_then_country_then_language(cookies, language, expected):
    with translation.override(language):
        assert buyer_currency(request_with(cookies)) == expected


def test_the_selector_remembers_the_choice_in_a_cookie(client):
    response = client.post("/currency/", {"currency": "CAD", "next": "/fr/catalogue/"})
    assert response.status_code == 302 and response.url == "/fr/catalogue/"
    assert response.cookies["currency"].value == "CAD"


def test_the_selector_refuses_an_unknown_currency(client):
    assert client.post("/currency/", {"currency": "BTC"}).status_code == 400


def test_the_selector_never_redirects_off_site(client):
    response = client.post("/currency/", {"currency": "EUR", "next": "https://evil.example/"})
    assert response.url == "/"


def test_product_page_shows_the_price_in_the_buyer_currency_with_the_rate_date(client, product):
    client.cookies["currency"] = "EUR"
    html = client.get(product.get_absolute_url()).content.decode()
    assert "€111.00" in html  # 1200 MAD x 0.0925
    assert "rate of" in html


def test_two_currencies_never_share_a_cached_page(client, product, craft):
    url = craft.get_absolute_url()
    client.cookies["currency"] = "EUR"
    euro = client.get(url)
    client.cookies["currency"] = "USD"
    dollar = client.get(url)
    assert dollar["X-Page-Cache"] == "miss"
    assert "€111.00" in euro.content.decode()
    assert "$129.60" in dollar.content.decode()
    assert "€" not in dollar.content.decode()
    client.cookies["currency"] = "EUR"
    again = client.get(url)
    assert again["X-Page-Cache"] == "hit" and "€111.00" in again.content.decode()
