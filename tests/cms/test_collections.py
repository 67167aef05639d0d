"""A collection shows only what a buyer can purchase now, in the curator's order."""

import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from oscar.core.loading import get_model

from tests.factories.catalogue import ProductFactory, SellerFactory
from tests.factories.cms import collection

Partner = get_model("partner", "Partner")
StockRecord = get_model("partner", "StockRecord")

pytestmark = pytest.mark.django_db


def titles_on(client, page):
    html = client.get(page.get_url()).content.decode()
    return [title for title in ("rug 1", "rug 2", "rug 3") if f">Hand-knotted {title}<" in html]


@pytest.fixture
def rugs():
    return [
        ProductFactory(title_en=f"Hand-knotted rug {n}", title=f"Hand-knotted rug {n}")
        for n in (1, 2, 3)
    ]


def test_collection_lists_products_in_the_curators_order(client, home_page, rugs):
    page = collection(home_page, [rugs[2], rugs[0], rugs[1]])
    html = client.get(page.get_url()).content.decode()
    positions = [html.index(f">{rug.title}<") for rug in (rugs[2], rugs[0], rugs[1])]
    assert positions == sorted(positions)


def test_product_of_a_suspended_seller_drops_out(client, home_page, rugs):
    page = collection(home_page, rugs)
    Partner.objects.filter(pk=rugs[1].seller.pk).update(status=Partner.Status.SUSPENDED)
    rugs[1].seller.save()  # a change through the ORM, as the seller workflow does
    assert titles_on(client, page) == ["rug 1", "rug 3"]


def test_product_made_private_drops_out(client, home_page, rugs):
    page = collection(home_page, rugs)
    rugs[0].is_public = False
    rugs[0].save()
    assert titles_on(client, page) == ["rug 2", "rug 3"]


def test_sold_unique_piece_drops_out(client, home_page):
    pieces = [
        ProductFactory(
            title_en=f"Hand-knotted rug {n}", title=f"Hand-knotted rug {n}", is_unique_piece=True
        )
        for n in (1, 2)
    ]
    page = collection(home_page, pieces)
    StockRecord.objects.filter(product=pieces[0]).update(num_in_stock=1, num_allocated=1)
    pieces[0].stockrecords.first().save()
    assert titles_on(client, page) == ["rug 2"]


def test_unique_piece_with_its_one_item_left_stays(client, home_page):
    piece = ProductFactory(
        title_en="Hand-knotted rug 1", title="Hand-knotted rug 1", is_unique_piece=True
    )
    StockRecord.objects.filter(product=piece).update(num_in_stock=1, num_allocated=0)
    page = collection(home_page, [piece])
    assert titles_on(client, page) == ["rug 1"]


def test_collection_with_nothing_left_shows_no_card(client, home_page, rugs):
    page = collection(home_page, rugs[:1])
    rugs[0].is_public = False
    rugs[0].save()
    html = client.get(page.get_url()).content.decode()
    assert "product-card" not in html
    assert "No piece is for sale here right now" in html


def queries_for(client, page):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(page.get_url()).status_code == 200
    return len(queries)


def test_collection_queries_do_not_grow_with_its_products(client, home_page, settings):
    settings.STOREFRONT_PAGE_CACHE = False
    seller = SellerFactory()
    small = collection(
        home_page, [ProductFactory(stockrecord__seller=seller) for _ in range(2)], name="Small"
    )
    large = collection(
        home_page, [ProductFactory(stockrecord__seller=seller) for _ in range(20)], name="Large"
    )
    queries_for(client, small)  # warm the per-process caches (site root paths, content types)
    small_count, large_count = queries_for(client, small), queries_for(client, large)
    assert large_count == small_count
    assert large_count <= 15


def test_cached_collection_drops_a_hidden_product_within_the_list_bound(
    client, settings, home_page, rugs
):
    """A page showing many products is kept ``STOREFRONT_LIST_PAGE_SECONDS`` (a product change
    bumps no storefront-wide version): past it, the page is rendered without the hidden piece."""
    settings.STOREFRONT_LIST_PAGE_SECONDS = 1
    page = collection(home_page, rugs)
    url = page.get_url()
    assert client.get(url)["X-Page-Cache"] == "miss"
    assert client.get(url)["X-Page-Cache"] == "hit"
    rugs[0].is_public = False
    rugs[0].save()
    time.sleep(1.1)
    response = client.get(url)
    assert response["X-Page-Cache"] == "miss"
    assert titles_on(client, page) == ["rug 2", "rug 3"]


def test_product_back_on_sale_reappears_in_its_place(client, settings, home_page, rugs):
    settings.STOREFRONT_LIST_PAGE_SECONDS = 1
    page = collection(home_page, rugs)
    rugs[1].is_public = False
    rugs[1].save()
    assert titles_on(client, page) == ["rug 1", "rug 3"]
    rugs[1].is_public = True
    rugs[1].save()
    time.sleep(1.1)
    assert titles_on(client, page) == ["rug 1", "rug 2", "rug 3"]
