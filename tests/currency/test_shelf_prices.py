"""On the shelf (product cards, the product page) the price is in the buyer's currency, not the
dirham price with an "≈ £…" after it; a buyer who chose dirhams sees dirhams. Cards are cached
per currency, so a card rendered for pounds is never served to a buyer paying in euros."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.test import RequestFactory
from django.utils import translation
from oscar.core.loading import get_class

from catalog import cards

Selector = get_class("partner.strategy", "Selector")

pytestmark = pytest.mark.django_db


def prices(html):
    soup = BeautifulSoup(html, "html.parser")
    return [node.get_text(" ", strip=True) for node in soup.select("p.price")]


def page(client, url, currency):
    client.cookies["currency"] = currency
    return client.get(url).content.decode()


def test_a_card_shows_the_price_in_pounds_and_no_dirhams(client, product, craft):
    [card] = prices(page(client, craft.get_absolute_url(), "GBP"))
    assert card.startswith("£97.20")  # 1200 MAD x 0.081
    assert "MAD" not in card and "≈" not in card


def test_the_product_page_shows_the_price_in_euros_with_its_rate_date_and_no_dirhams(
    client, product
):
    [price] = prices(page(client, product.get_absolute_url(), "EUR"))
    assert price.startswith("€111.00") and "rate of" in price
    assert "MAD" not in price


def test_a_buyer_who_chose_dirhams_sees_the_dirham_price(client, product, craft):
    [card] = prices(page(client, craft.get_absolute_url(), "MAD"))
    [detail] = prices(page(client, product.get_absolute_url(), "MAD"))
    assert "1,200.00" in card and "MAD" in card
    assert "1,200.00" in detail and "rate of" not in detail


def test_a_card_cached_for_pounds_is_never_served_to_a_buyer_paying_in_euros(product):
    cache.clear()

    def card_for(currency):
        request = RequestFactory().get("/en/")
        request.COOKIES["currency"] = currency
        request.user = AnonymousUser()
        request.strategy = Selector().strategy(request)
        with translation.override("en"):
            [html] = cards.render_cards(request, [product])
        return html

    assert "£97.20" in card_for("GBP")
    euro = card_for("EUR")
    assert "€111.00" in euro and "£" not in euro
    assert "£97.20" in card_for("GBP")  # each currency keeps its own card


def test_a_list_page_cached_for_pounds_is_not_served_to_a_buyer_paying_in_euros(
    client, product, craft
):
    url = craft.get_absolute_url()
    assert "£97.20" in page(client, url, "GBP")
    euro = page(client, url, "EUR")
    assert "€111.00" in euro and "£97.20" not in euro
