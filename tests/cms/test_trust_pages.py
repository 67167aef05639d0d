"""Shipping and returns, FAQ, contact, terms and privacy: seeded by the demo in four languages
and linked in the footer of every page."""

import re

import pytest

from demo.cms import seed_standard_pages
from themes.trust import TRUST_PAGE_SLUGS

pytestmark = pytest.mark.django_db
LANGUAGES = ("en", "fr", "ar", "es")


def footer_links(html):
    footer = re.search(r'<nav class="footer-help".*?</nav>', html, re.S)
    return re.findall(r'<a href="([^"]+)">([^<]+)</a>', footer.group(0)) if footer else []


@pytest.fixture
def seeded(home_page):
    seed_standard_pages(home_page)
    return home_page


@pytest.mark.parametrize("language", LANGUAGES)
def test_footer_links_every_trust_page_and_each_opens(client, seeded, language):
    links = footer_links(client.get(f"/{language}/").content.decode())
    assert len(links) == len(TRUST_PAGE_SLUGS)
    for url, title in links:
        assert url.startswith(f"/{language}/")
        response = client.get(url)
        assert response.status_code == 200
        assert f'<h1 class="page-title">{title}</h1>' in response.content.decode()


def test_footer_links_are_in_the_page_language(client, seeded):
    titles = {
        language: [
            title for _url, title in footer_links(client.get(f"/{language}/").content.decode())
        ]
        for language in LANGUAGES
    }
    assert titles["fr"][0] == "Livraison et retours"
    assert titles["ar"][0] == "الشحن والإرجاع"
    assert titles["es"][0] == "Envíos y devoluciones"


def test_footer_is_on_catalogue_pages_too(client, seeded, product):
    html = client.get(product.get_absolute_url()).content.decode()
    assert len(footer_links(html)) == len(TRUST_PAGE_SLUGS)


def test_footer_renders_without_the_trust_pages(client, home_page, product):
    for url in ("/en/", product.get_absolute_url()):
        response = client.get(url)
        assert response.status_code == 200
        html = response.content.decode()
        assert '<footer class="site-footer">' in html
        assert footer_links(html) == []


def test_unpublished_trust_page_leaves_the_footer(client, seeded):
    from wagtail.models import Page

    Page.objects.get(slug_en="faq").specific.unpublish()
    links = footer_links(client.get("/en/").content.decode())
    assert len(links) == len(TRUST_PAGE_SLUGS) - 1
    assert all(client.get(url).status_code == 200 for url, _title in links)


def test_shipping_page_states_returns_window_duties_and_unique_pieces(client, seeded):
    url = dict((t, u) for u, t in footer_links(client.get("/en/").content.decode()))[
        "Shipping and returns"
    ]
    html = client.get(url).content.decode()
    for fact in ("14 days", "duties", "one of a kind", "@"):
        assert fact in html


def test_deleted_trust_page_leaves_the_footer(client, seeded):
    from wagtail.models import Page

    client.get("/en/")
    Page.objects.get(slug_en="privacy").delete()
    links = footer_links(client.get("/en/").content.decode())
    assert len(links) == len(TRUST_PAGE_SLUGS) - 1
    assert all(client.get(url).status_code == 200 for url, _title in links)
