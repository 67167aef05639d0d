"""Sitemap with hreflang alternates, robots.txt, canonical and Open Graph tags, JSON-LD."""

import json
import re
from xml.etree import ElementTree

import pytest

from marketplace.cms import models
from tests.factories.cms import add_page, collection

pytestmark = pytest.mark.django_db
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
LANGUAGES = {"en", "fr", "ar", "es", "x-default"}


def sitemap_urls(client, section):
    response = client.get(f"/sitemap-{section}.xml")
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)
    return {
        url.find("s:loc", NS).text: {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)
        }
        for url in root.findall("s:url", NS)
    }


def json_ld(html, kind):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    found = [json.loads(block) for block in blocks]
    return next(data for data in found if data["@type"] == kind)


def test_sitemap_index_lists_every_section(client):
    response = client.get("/sitemap.xml")
    root = ElementTree.fromstring(response.content)
    locations = {node.text for node in root.iter(f"{{{NS['s']}}}loc")}
    assert locations == {
        f"http://testserver/sitemap-{section}.xml" for section in ("pages", "products", "crafts")
    }


def test_sitemap_lists_each_page_in_every_language_with_alternates(client, home_page):
    about = add_page(home_page, models.StandardPage, "About")
    urls = sitemap_urls(client, "pages")
    for code in ("en", "fr", "ar", "es"):
        alternates = urls[f"http://testserver/{code}/about/"]
        assert set(alternates) == LANGUAGES
        assert alternates["fr"] == "http://testserver/fr/about/"
        assert alternates["x-default"] == "http://testserver/en/about/"
    assert about.live


def test_sitemap_leaves_out_draft_pages(client, home_page):
    add_page(home_page, models.StandardPage, "Draft", publish=False)
    assert not any("/draft/" in url for url in sitemap_urls(client, "pages"))


def test_sitemap_lists_sellable_products_with_alternates(client, product):
    urls = sitemap_urls(client, "products")
    alternates = urls[f"http://testserver{product.get_absolute_url()}"]
    assert set(alternates) == LANGUAGES
    assert alternates["ar"].startswith("http://testserver/ar/catalogue/")


def test_sitemap_leaves_out_products_that_are_not_sellable(client, product):
    product.is_public = False
    product.save()
    assert sitemap_urls(client, "products") == {}


def test_sitemap_lists_craft_categories_with_alternates(client, craft):
    urls = sitemap_urls(client, "crafts")
    assert set(urls[f"http://testserver{craft.get_absolute_url()}"]) == LANGUAGES


def test_robots_txt_points_to_the_sitemap_and_keeps_private_paths_out(client):
    response = client.get("/robots.txt")
    text = response.content.decode()
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in text
    for path in ("/dashboard/", "/cms/", "/en/basket/", "/fr/checkout/", "/ar/accounts/"):
        assert f"Disallow: {path}\n" in text


def test_home_page_has_organization_json_ld(client, home_page):
    html = client.get("/en/").content.decode()
    data = json_ld(html, "Organization")
    assert data["@context"] == "https://schema.org"
    assert data["name"] == "Dar Maalem"
    assert data["url"] == "http://testserver/"


def test_product_page_has_product_json_ld_with_offer_and_brand(client, product):
    html = client.get(product.get_absolute_url()).content.decode()
    data = json_ld(html, "Product")
    assert data["name"] == product.title
    assert data["brand"] == {"@type": "Brand", "name": product.seller.name}
    assert data["offers"]["price"] == "1200.00"
    assert data["offers"]["priceCurrency"] == "MAD"
    assert data["offers"]["availability"] == "https://schema.org/InStock"


def test_sold_out_product_json_ld_says_out_of_stock(client, product):
    product.stockrecords.update(num_in_stock=0)
    html = client.get(product.get_absolute_url()).content.decode()
    assert json_ld(html, "Product")["offers"]["availability"] == "https://schema.org/OutOfStock"


def test_json_ld_cannot_close_its_script_tag(client, craft):
    from tests.factories.catalogue import ProductFactory

    product = ProductFactory(title_en="Rug </script><b>", title="Rug </script><b>")
    html = client.get(product.get_absolute_url()).content.decode()
    assert json_ld(html, "Product")["name"] == "Rug </script><b>"
    assert "Rug </script>" not in html.split('application/ld+json">', 1)[1].split("</script>")[0]


def test_cms_page_has_canonical_and_open_graph_tags(client, home_page):
    page = add_page(home_page, models.StandardPage, "About")
    html = client.get("/fr/about/").content.decode()
    assert '<link rel="canonical" href="http://testserver/fr/about/">' in html
    assert '<meta property="og:title" content="About fr">' in html
    assert '<meta property="og:url" content="http://testserver/fr/about/">' in html
    assert page.live


def test_product_page_links_back_to_collections_and_the_makers_story(client, home_page, product):
    featured = collection(home_page, [product], name="Wedding gifts")
    collection(home_page, [], name="Lanterns")
    story = add_page(home_page, models.ArtisanStoryPage, "Story", seller=product.seller)
    html = client.get(product.get_absolute_url()).content.decode()
    assert f'href="{featured.get_url()}">Wedding gifts en<' in html
    assert f'href="{story.get_url()}">' in html
    assert "Lanterns en" not in html


def test_product_page_does_not_link_to_a_draft_collection(client, home_page, product):
    page = collection(home_page, [product], name="Wedding gifts")
    page.unpublish()
    assert "Wedding gifts en" not in client.get(product.get_absolute_url()).content.decode()


def test_product_json_ld_description_drops_seller_markup_and_scripts(client, craft):
    from tests.factories.catalogue import ProductFactory

    product = ProductFactory(
        description_en="<p>Knotted in Azilal.</p><p>Wool &amp; henna.</p><script>alert(1)</script>"
    )
    html = client.get(product.get_absolute_url()).content.decode()
    assert json_ld(html, "Product")["description"] == "Knotted in Azilal. Wool & henna."


def test_product_page_queries_do_not_grow_with_the_collections_featuring_it(
    client, home_page, product, settings
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.STOREFRONT_PAGE_CACHE = False
    url = product.get_absolute_url()

    def count():
        client.get(url)  # the first render after a publish refills Wagtail's caches
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    collection(home_page, [product], name="Collection 0")
    one = count()
    for n in range(1, 6):
        collection(home_page, [product], name=f"Collection {n}")
    assert count() == one
