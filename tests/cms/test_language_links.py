"""The language switcher and hreflang links of a CMS page follow its translated slugs."""

import re

import pytest

from marketplace.cms import models
from tests.factories.cms import add_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def about(home_page):
    """A page whose French slug differs from its English one."""
    page = add_page(home_page, models.StandardPage, "About")
    page.slug_fr = "a-propos"
    page.save_revision().publish()
    return page


def switcher_link(html, language):
    return re.search(rf'<a href="([^"]+)" hreflang="{language}"', html).group(1)


def hreflang_link(html, language):
    found = re.search(rf'<link rel="alternate" hreflang="{language}" href="([^"]+)"', html)
    return found.group(1)


def test_english_page_switcher_links_to_the_french_slug(client, about):
    html = client.get("/en/about/").content.decode()
    url = switcher_link(html, "fr")
    assert url == "/fr/a-propos/"
    assert client.get(url).status_code == 200


def test_english_page_hreflang_points_to_the_french_slug(client, about):
    html = client.get("/en/about/").content.decode()
    url = hreflang_link(html, "fr")
    assert url == "http://testserver/fr/a-propos/"
    assert client.get(url).status_code == 200


def test_french_page_switcher_links_back_to_the_english_slug(client, about):
    html = client.get("/fr/a-propos/").content.decode()
    url = switcher_link(html, "en")
    assert url == "/en/about/"
    assert client.get(url).status_code == 200


def test_french_page_hreflang_points_to_the_english_slug_and_x_default(client, about):
    html = client.get("/fr/a-propos/").content.decode()
    assert hreflang_link(html, "en") == "http://testserver/en/about/"
    assert hreflang_link(html, "x-default") == "http://testserver/en/about/"
    assert client.get(hreflang_link(html, "en")).status_code == 200


def test_cms_page_switcher_keeps_the_query_string(client, about):
    html = client.get("/en/about/?ref=mail").content.decode()
    assert switcher_link(html, "fr") == "/fr/a-propos/?ref=mail"


@pytest.mark.parametrize("kind", ["product", "craft"])
def test_catalogue_pages_still_switch_by_language_prefix(client, about, product, craft, kind):
    url = {"product": product, "craft": craft}[kind].get_absolute_url()
    html = client.get(url).content.decode()
    for language in ("fr", "ar", "es"):
        expected = url.replace("/en/", f"/{language}/", 1)
        assert switcher_link(html, language) == expected
        assert hreflang_link(html, language) == f"http://testserver{expected}"
        assert client.get(expected).status_code == 200


def test_sitemap_lists_the_french_slug(client, about):
    xml = client.get("/sitemap-pages.xml").content.decode()
    assert "<loc>http://testserver/fr/a-propos/</loc>" in xml
