"""A change to one product touches that product's card, its page and the lists it is in, never
the catalogue: other products' pages, the storefront version and every list's rows stay cached.

Bounds (``marketplace.core.page_cache``): a product page shows its product's change at once; a
cached page showing many products (a list, a search) shows it within
``settings.STOREFRONT_LIST_PAGE_SECONDS`` (5 s by default), and a list rendered afresh at once.
"""

import io
import random
import time
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import RequestFactory
from django.utils import translation
from oscar.core.loading import get_model

from catalog import list_index, listing
from marketplace.core import page_cache
from marketplace.core.cache import CATALOGUE, STOREFRONT, product_token, version
from tests.factories.catalogue import ProductFactory

Product = get_model("catalogue", "Product")
pytestmark = pytest.mark.django_db


def get(client, url):
    client.cookies["currency"] = "MAD"  # prices as sellers set them: "888.00" is the new one
    response = client.get(url)
    assert response.status_code == 200
    return response


def reprice(product, price, capture):
    record = product.stockrecords.get()
    record.price = Decimal(price)
    with capture(execute=True):
        record.save()


def test_a_price_change_shows_at_once_on_the_cached_product_page(
    client, product, django_capture_on_commit_callbacks
):
    url = product.get_absolute_url()
    get(client, url)
    assert get(client, url)["X-Page-Cache"] == "hit"
    reprice(product, "4321.00", django_capture_on_commit_callbacks)
    response = get(client, url)
    assert response["X-Page-Cache"] == "miss"
    assert "4,321.00" in response.content.decode() or "4321.00" in response.content.decode()


def test_a_stock_save_leaves_other_products_pages_lists_and_versions_cached(
    client, craft, product, django_capture_on_commit_callbacks
):
    other = ProductFactory(category=craft, title_en="Brass lantern")
    pages = [other.get_absolute_url(), craft.get_absolute_url(), "/en/search/?q=lantern"]
    for url in pages:
        get(client, url)
    versions = {name: version(name) for name in (STOREFRONT, CATALOGUE)}
    other_token = product_token(other.pk)
    reprice(product, "777.00", django_capture_on_commit_callbacks)
    assert {name: version(name) for name in versions} == versions
    assert product_token(other.pk) == other_token
    for url in pages:
        assert get(client, url)["X-Page-Cache"] == "hit", url


def test_a_price_change_shows_on_a_cached_list_within_the_bound(
    client, settings, craft, product, django_capture_on_commit_callbacks
):
    settings.STOREFRONT_LIST_PAGE_SECONDS = 1
    url = craft.get_absolute_url()
    get(client, url)
    reprice(product, "888.00", django_capture_on_commit_callbacks)
    time.sleep(1.1)
    response = get(client, url)
    assert response["X-Page-Cache"] == "miss"
    assert "888.00" in response.content.decode()


def test_a_list_rendered_afresh_shows_a_price_change_at_once_without_rebuilding(
    client, settings, craft, product, monkeypatch, django_capture_on_commit_callbacks
):
    settings.STOREFRONT_PAGE_CACHE = False
    url = f"{craft.get_absolute_url()}?sort=price-desc"
    get(client, url)
    builds = []
    original = list_index.build
    monkeypatch.setattr(list_index, "build", lambda rows: builds.append(1) or original(rows))
    seller = product.stockrecords.get().partner  # a new seller would renew every list
    cheaper = ProductFactory(category=craft, title_en="Kilim cushion", stockrecord__seller=seller)
    reprice(product, "99999.00", django_capture_on_commit_callbacks)
    html = get(client, url).content.decode()
    assert builds == []  # the list's index was updated in place, not read again
    assert html.index(product.title) < html.index("Kilim cushion")  # the new price sorts first
    assert cheaper.title in html  # and the new product joined the list


def test_a_sold_out_piece_is_marked_sold_out_on_lists(
    client, settings, craft, django_capture_on_commit_callbacks
):
    settings.STOREFRONT_PAGE_CACHE = False
    piece = ProductFactory(category=craft, title_en="One-off tray", stockrecord__num_in_stock=1)
    url = craft.get_absolute_url()
    assert 'data-testid="sold-out"' not in get(client, url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        piece.stockrecords.get().allocate(1)  # an order placed (Oscar's allocation)
    assert 'data-testid="sold-out"' in get(client, url).content.decode()


def _rows(count, rng, start=1):
    return [
        {
            "pk": pk,
            "cents": rng.choice([None, rng.randrange(100, 2_000_000)]),
            "created": rng.randrange(10**6),
            "craft": (rng.choice(["rugs", "pottery"]),),
            "region": (rng.choice(["fes", "safi", "rif"]),),
            "material": tuple(rng.sample(["wool", "clay", "brass"], rng.randrange(3))),
            "technique": (),
            "price": (rng.choice(["0-500", "500-2000"]),),
            "unique": ("1",) if rng.random() < 0.3 else (),
        }
        for pk in range(start, start + count)
    ]


@pytest.mark.parametrize("seed", range(8))
def test_an_updated_index_refines_as_one_built_from_the_new_rows(seed):
    rng = random.Random(seed)
    rows = _rows(60, rng)
    index = list_index.build(rows)
    changed_rows = _rows(20, rng, start=50)  # 50-59 change, 60-69 are new
    gone = {rng.randrange(1, 50) for _ in range(5)}
    new = [row for row in rows if row["pk"] < 50 and row["pk"] not in gone] + changed_rows
    changed = gone | {row["pk"] for row in changed_rows}
    assert list_index.update(index, changed, changed_rows)
    fresh = list_index.build(sorted(new, key=lambda row: row["pk"]))
    for selected in ({}, {"region": "fes"}, {"material": "wool", "unique": "1"}):
        for sort in ("newest", "price-asc", "price-desc", "relevance"):
            blocked = {rng.randrange(1, 70)}
            ours = list_index.refine(index, list_index.shippable(index, blocked), selected, sort)
            theirs = list_index.refine(fresh, list_index.shippable(fresh, blocked), selected, sort)
            assert list(ours["ids"]) == list(theirs["ids"]), (selected, sort)
            assert ours["counts"] == theirs["counts"] and ours["ships"] == theirs["ships"]


def test_pieces_sold_before_the_flags_existed_are_marked_by_the_command(client, settings, craft):
    settings.STOREFRONT_PAGE_CACHE = False
    ProductFactory(category=craft, stockrecord__num_in_stock=1, stockrecord__num_allocated=1)
    cache.clear()  # as after a flush: the sale's flag is gone
    url = craft.get_absolute_url()
    assert 'data-testid="sold-out"' not in get(client, url).content.decode()
    call_command("mark_sold_out", stdout=io.StringIO())
    assert 'data-testid="sold-out"' in get(client, url).content.decode()


def test_while_one_request_renews_a_list_the_others_get_it_as_it_was(
    client, settings, craft, product, django_capture_on_commit_callbacks
):
    settings.STOREFRONT_LIST_PAGE_SECONDS = 1
    url = craft.get_absolute_url()
    get(client, url)
    reprice(product, "888.00", django_capture_on_commit_callbacks)
    time.sleep(1.1)
    request = RequestFactory().get(url)
    request.COOKIES["currency"] = "MAD"  # the page ``get`` asks for
    with translation.override("en"):
        key = page_cache.page_key(request)
    cache.add(f"{key}:renewing", 1)  # another request is rendering it
    stale = get(client, url)
    assert stale["X-Page-Cache"] == "stale" and "888.00" not in stale.content.decode()
    cache.delete(f"{key}:renewing")  # its render is stored
    assert "888.00" in get(client, url).content.decode()


def test_under_changes_a_lists_order_follows_within_its_window_and_its_cards_at_once(
    client, settings, craft, product, monkeypatch, django_capture_on_commit_callbacks
):
    settings.STOREFRONT_PAGE_CACHE = False
    settings.STOREFRONT_LIST_RESULT_SECONDS = 60
    seller = product.stockrecords.get().partner
    cushion = ProductFactory(category=craft, title_en="Kilim cushion", stockrecord__seller=seller)
    reprice(cushion, "50000.00", django_capture_on_commit_callbacks)
    url = f"{craft.get_absolute_url()}?sort=price-desc"
    first = get(client, url).content.decode()
    assert first.index("Kilim cushion") < first.index(product.title)
    reprice(product, "99999.00", django_capture_on_commit_callbacks)
    html = get(client, url).content.decode()
    assert "99,999.00" in html or "99999.00" in html  # the card shows the new price at once
    assert html.index("Kilim cushion") < html.index(product.title)  # the order, in the window
    now = time.time()
    monkeypatch.setattr(listing.time, "time", lambda: now + 61)
    html = get(client, url).content.decode()
    assert html.index(product.title) < html.index("Kilim cushion")
