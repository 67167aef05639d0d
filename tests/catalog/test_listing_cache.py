"""Rendered lists reuse their rows, result and cards, yet show every change at once."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from oscar.core.loading import get_class, get_model

from catalog import cards
from marketplace.core import cache as core_cache
from marketplace.core.cache import CATALOGUE, change_sequence, version
from marketplace.core.memo import RequestMemoMiddleware, remembered
from tests.factories.catalogue import ProductFactory

Product = get_model("catalogue", "Product")


@pytest.fixture(autouse=True)
def _render_every_time(settings):
    """The whole-page cache off: these tests are about what a render reuses."""
    settings.STOREFRONT_PAGE_CACHE = False


def page(client, url, **cookies):
    for name, value in cookies.items():
        client.cookies[name] = value
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
def test_a_price_change_shows_at_once_on_a_rendered_list(client, craft, product):
    url = craft.get_absolute_url()
    page(client, url, currency="MAD")  # the price as the seller set it
    record = product.stockrecords.get()
    record.price = Decimal("999.00")
    record.save()
    assert "999.00" in page(client, url)


@pytest.mark.django_db
def test_a_new_product_joins_a_cached_list_at_once(client, craft, product):
    url = craft.get_absolute_url()
    page(client, url)
    ProductFactory(category=craft, title_en="Tasselled wedding blanket")
    assert "Tasselled wedding blanket" in page(client, url)


@pytest.mark.django_db
def test_a_title_change_shows_at_once_in_search(client, craft, product):
    page(client, "/en/search/?q=rug")
    product.title_en = product.title = "Hand-knotted rug, saffron"
    product.save()
    assert "Hand-knotted rug, saffron" in page(client, "/en/search/?q=rug")


@pytest.mark.django_db
def test_a_card_is_rendered_per_buyer_currency(client, craft, product):
    url = craft.get_absolute_url()
    assert "€" in page(client, url, currency="EUR")
    pounds = page(client, url, currency="GBP")
    assert "£" in pounds
    assert "€" not in pounds.split('class="product-grid"')[1]


@pytest.mark.django_db
def test_paging_a_cached_list_reads_no_rows_again(client, craft):
    for n in range(14):
        ProductFactory(category=craft, title_en=f"Kilim {n}")
    url = craft.get_absolute_url()
    first = page(client, f"{url}?per_page=12")
    with CaptureQueriesContext(connection) as queries:
        second = page(client, f"{url}?per_page=12&page=2")
    product_queries = [
        q["sql"] for q in queries.captured_queries if 'FROM "catalogue_product" ' in q["sql"]
    ]
    assert len(product_queries) == 1  # only the second page's products, by id
    assert "= ANY(" in product_queries[0] or connection.vendor != "postgresql"
    assert "Kilim 0<" in second and "Kilim 0<" not in first


@pytest.mark.django_db
def test_cards_of_vanished_products_are_left_out(rf, craft, product):
    request = rf.get("/en/")
    request.user = AnonymousUser()
    request.strategy = get_class("partner.strategy", "Selector")().strategy(request)
    html = cards.render_cards_of_ids(request, [product.pk, 10**9], lambda ids: [product])
    assert len(html) == 1 and product.title in html[0]


@pytest.mark.django_db
def test_any_of_matches_the_listed_ids_only(craft):
    kept, other = ProductFactory(category=craft), ProductFactory(category=craft)
    assert list(Product.objects.filter(pk__any_of=[kept.pk])) == [kept]
    assert not Product.objects.filter(pk__any_of=[]).exists()
    assert other in Product.objects.exclude(pk__any_of=[kept.pk])


def test_outside_a_request_nothing_is_remembered():
    calls = []
    remembered("k", lambda: calls.append(1))
    remembered("k", lambda: calls.append(1))
    assert len(calls) == 2


def test_within_a_request_a_value_is_read_once():
    calls = []

    def view(request):
        remembered("k", lambda: calls.append(1))
        remembered("k", lambda: calls.append(1))
        return None

    RequestMemoMiddleware(view)(RequestFactory().get("/"))
    assert len(calls) == 1


def test_a_request_reads_every_version_in_one_round_trip(monkeypatch):
    reads = []
    real = core_cache.cache.get_many
    monkeypatch.setattr(core_cache.cache, "get_many", lambda keys: reads.append(keys) or real(keys))
    seen = []

    def view(request):
        seen.extend(version(name) for name in (CATALOGUE, "storefront", "rates", "pages"))
        seen.append(version(CATALOGUE))

    RequestMemoMiddleware(view)(RequestFactory().get("/"))
    assert len(reads) == 1 and len(seen) == 5


@pytest.mark.django_db
def test_a_change_within_a_request_is_seen_by_the_same_request(craft, product):
    seen = []

    def view(request):
        seen.append(change_sequence())
        product.save()
        seen.append(change_sequence())

    RequestMemoMiddleware(view)(RequestFactory().get("/"))
    assert seen[1] > seen[0]


@pytest.mark.django_db
def test_a_renamed_subcategory_shows_at_once_on_its_parent(client, craft, product):
    from tests.factories.catalogue import CategoryFactory

    kilims = CategoryFactory(parent=craft, name_en="Kilims", slug="kilims")
    assert f'href="{kilims.get_absolute_url()}">Kilims</a>' in page(
        client, craft.get_absolute_url()
    )
    kilims.name_en = kilims.name = "Flat-woven kilims"
    kilims.save()
    assert ">Flat-woven kilims</a>" in page(client, craft.get_absolute_url())
    assert ">Rugs</a>" in page(client, kilims.get_absolute_url())  # breadcrumb to the parent
