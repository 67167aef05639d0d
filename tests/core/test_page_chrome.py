"""The site header and footer are rendered once for every anonymous visitor without a basket
(``themes.chrome``) and each visitor still gets their own return URL, language links, search
query and CSRF token in them; a signed-in visitor or one with a basket gets their own."""

import re

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.test import Client, override_settings
from django.urls import reverse

from marketplace.core.cache import VOCABULARY, bump
from tests.factories.catalogue import CategoryFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("product")]
HEADER = "oscar/partials/site_header.html"
FOOTER = "oscar/partials/site_footer.html"
# The page cache would answer a repeated URL before any chrome is rendered.
no_page_cache = override_settings(STOREFRONT_PAGE_CACHE=False)


def visit(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response


def rendered(response):
    return {template.name for template in response.templates}


def header(response):
    return BeautifulSoup(response.content, "html.parser").find("header")


def hidden_next(soup):
    return [i["value"] for i in soup.find_all("input", {"name": "next"})]


@no_page_cache
def test_the_header_and_footer_are_rendered_once_for_anonymous_visitors(client, craft):
    first = visit(client, "/en/catalogue/?page=1")
    second = visit(Client(), craft.get_absolute_url())
    assert {HEADER, FOOTER} <= rendered(first)
    assert not {HEADER, FOOTER} & rendered(second)


@no_page_cache
def test_each_visitor_returns_to_their_own_page(client, craft):
    visit(client, "/en/catalogue/?sort=newest")
    url = f"{craft.get_absolute_url()}?sort=price-asc&utm_source=a%22b"
    soup = header(visit(Client(), url))
    assert hidden_next(soup) == [url, url]  # the country picker, the currency selector


@no_page_cache
def test_each_visitor_gets_the_language_links_of_their_own_page(client, craft):
    visit(client, "/en/catalogue/")
    soup = header(visit(Client(), f"{craft.get_absolute_url()}?page=1"))
    links = {a["hreflang"]: a["href"] for a in soup.select(".language-switcher a")}
    assert links["en"] == f"{craft.get_absolute_url()}?page=1"
    assert links["fr"].startswith("/fr/") and links["fr"].endswith("?page=1")
    assert soup.select_one(".language-switcher a[aria-current]")["hreflang"] == "en"


@no_page_cache
def test_a_hostile_search_query_is_shown_escaped_in_the_search_box(client):
    visit(client, "/en/search/?q=rug")
    hostile = '"><script>alert(1)</script>'
    response = visit(Client(), f"/en/search/?q={hostile}")
    assert header(response).find("input", id="site-search")["value"] == hostile
    assert "<script>alert(1)</script>" not in str(header(response))


@no_page_cache
def test_a_visitor_after_a_search_sees_an_empty_search_box(client):
    visit(client, "/en/search/?q=rug")
    soup = header(visit(Client(), "/en/catalogue/"))
    assert soup.find("input", id="site-search")["value"] == ""


@no_page_cache
def test_each_visitor_posts_the_header_forms_with_their_own_token(client):
    first = visit(client, "/en/catalogue/")
    other = Client(enforce_csrf_checks=True)
    page = visit(other, "/en/catalogue/?sort=newest").content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)[1]
    assert token not in first.content.decode()
    response = other.post(
        reverse("shipping:set-country"),
        {"country": "GB", "next": "/en/catalogue/", "csrfmiddlewaretoken": token},
    )
    assert response.status_code == 302


@no_page_cache
def test_a_visitor_of_another_country_gets_their_own_picker(client):
    visit(client, "/en/catalogue/")
    other = Client(HTTP_ACCEPT_LANGUAGE="en-GB")
    other.cookies["country"] = "GB"
    soup = header(visit(other, "/en/catalogue/"))
    assert soup.select_one("#country-picker-select option[selected]")["value"] == "GB"


@no_page_cache
def test_each_language_has_its_own_header(client):
    visit(client, "/en/catalogue/")
    soup = header(visit(Client(), "/fr/catalogue/"))
    assert soup.find("button", string="Rechercher") is not None


@no_page_cache
def test_a_new_craft_shows_in_the_menu_at_once(client):
    visit(client, "/en/catalogue/")
    CategoryFactory(name_en="Lanterns", slug="lanterns")
    bump(VOCABULARY)
    soup = header(visit(Client(), "/en/catalogue/"))
    assert "Lanterns" in [a.get_text() for a in soup.select(".craft-menu a")]


@no_page_cache
def test_a_signed_in_buyer_gets_their_own_header(client, django_user_model):
    visit(client, "/en/catalogue/")
    buyer = django_user_model.objects.create_user("amina", "amina@example.com", "pw")
    signed_in = Client()
    signed_in.force_login(buyer)
    response = visit(signed_in, "/en/catalogue/")
    assert HEADER in rendered(response)
    assert header(response).find("a", string="Account") is not None


@no_page_cache
def test_a_visitor_with_a_basket_sees_its_count(client, product):
    visit(Client(), "/en/catalogue/")
    client.post(reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": 1})
    assert settings.OSCAR_BASKET_COOKIE_OPEN in client.cookies
    response = visit(client, "/en/catalogue/")
    assert header(response).find(attrs={"data-testid": "basket-count"}) is not None
