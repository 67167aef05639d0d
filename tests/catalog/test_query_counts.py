"""Listing pages cost the same SQL queries whatever the number of products shown."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from marketplace.core.cache import STOREFRONT, bump
from tests.factories.catalogue import CategoryFactory, ProductFactory, SellerFactory

QUERY_BUDGET = 15


@pytest.fixture(autouse=True)
def _render_every_time(settings):
    """Count the queries of a real render, not of a page-cache hit."""
    settings.STOREFRONT_PAGE_CACHE = False


@pytest.fixture
def sixty_products(craft):
    from django.core.files.uploadedfile import SimpleUploadedFile

    image = SimpleUploadedFile("rug.jpg", _tiny_jpeg(), content_type="image/jpeg")
    sellers = SellerFactory.create_batch(6)
    sub = CategoryFactory(parent=craft, name_en="Kilims", slug="kilims")
    for n in range(60):
        ProductFactory(
            category=sub if n % 2 else craft,
            stockrecord__seller=sellers[n % 6],
            image=image if n < 2 else None,
        )
    return craft


def _tiny_jpeg():
    from io import BytesIO

    from PIL import Image

    buffer = BytesIO()
    Image.new("RGB", (8, 8), "#a63f27").save(buffer, "JPEG")
    return buffer.getvalue()


def count_queries(client, url, catalogue_changed=True):
    """Queries of a render; with ``catalogue_changed`` the catalogue version is bumped first, so
    the list's rows, result and cards are read afresh (the first visit after any change)."""
    client.get(url)  # warm per-process caches (content types, craft menu, site root)
    if catalogue_changed:
        bump(STOREFRONT)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.django_db
@pytest.mark.parametrize("url_name", ["category", "catalogue", "search"])
def test_listing_queries_do_not_grow_with_page_size(client, sixty_products, url_name):
    base = {
        "category": sixty_products.get_absolute_url(),
        "catalogue": reverse("catalogue:index"),
        "search": reverse("search:search") + "?q=rug&",
    }[url_name]
    joiner = "" if base.endswith("&") else "?"
    small = count_queries(client, f"{base}{joiner}per_page=12")
    large = count_queries(client, f"{base}{joiner}per_page=48")
    assert small == large
    assert large <= QUERY_BUDGET


@pytest.mark.django_db
@pytest.mark.parametrize("url_name", ["category", "search"])
def test_a_listing_read_again_fetches_no_product(client, sixty_products, url_name):
    url = {
        "category": sixty_products.get_absolute_url(),
        "search": reverse("search:search") + "?q=rug",
    }[url_name]
    cold = count_queries(client, url)
    warm = count_queries(client, url, catalogue_changed=False)
    assert warm < cold
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    assert not any("catalogue_product" in query["sql"] for query in queries.captured_queries)


@pytest.mark.django_db
def test_home_page_queries_stay_within_budget(client, home_page, sixty_products):
    assert count_queries(client, "/en/") <= QUERY_BUDGET


@pytest.mark.django_db
def test_product_page_queries_stay_within_budget(client, sixty_products):
    from oscar.core.loading import get_model

    product = get_model("catalogue", "Product").objects.first()
    assert count_queries(client, product.get_absolute_url()) <= QUERY_BUDGET


@pytest.mark.django_db
def test_a_price_range_in_pounds_costs_no_query_more_than_the_plain_list(client, sixty_products):
    client.cookies["currency"] = "GBP"
    url = reverse("catalogue:index")
    plain = count_queries(client, f"{url}?per_page=48")
    ranged = count_queries(client, f"{url}?per_page=48&price_min=10&price_max=500")
    assert ranged <= plain
