"""Anonymous pages are served from cache until the catalogue changes; nothing personal is."""

import re
from decimal import Decimal

import pytest
from django.test import RequestFactory
from django.urls import reverse

from marketplace.core import page_cache
from marketplace.core.cache import product_stamp


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response


@pytest.mark.django_db
@pytest.mark.parametrize("url_name", ["catalogue", "category", "home", "search"])
def test_second_anonymous_visit_is_a_cache_hit(client, home_page, product, craft, url_name):
    url = {
        "catalogue": reverse("catalogue:index"),
        "category": craft.get_absolute_url(),
        "home": "/en/",
        "search": "/en/search/?q=rug",
    }[url_name]
    assert get(client, url)["X-Page-Cache"] == "miss"
    hit = get(client, url)
    assert hit["X-Page-Cache"] == "hit"
    assert "Hand-knotted rug" in hit.content.decode()


@pytest.mark.django_db
def test_a_price_change_shows_at_once_on_the_product_page(client, craft, product):
    """Lists show it within STOREFRONT_LIST_PAGE_SECONDS: tests/catalog/
    test_invalidation_by_product.py."""
    url = product.get_absolute_url()
    get(client, url)
    record = product.stockrecords.get()
    record.price = Decimal("999.00")
    record.save()
    response = get(client, url)
    assert response["X-Page-Cache"] == "miss"
    assert "999.00" in response.content.decode()


@pytest.mark.django_db
def test_a_seller_suspension_shows_at_once(client, craft, product):
    url = craft.get_absolute_url()
    get(client, url)
    seller = product.seller
    seller.status = seller.Status.SUSPENDED
    seller.save()
    assert "Hand-knotted rug" not in get(client, url).content.decode()


@pytest.mark.django_db
def test_pages_are_cached_per_language(client, craft, product):
    get(client, "/en/catalogue/")
    french = get(client, "/fr/catalogue/")
    assert french["X-Page-Cache"] == "miss"
    assert "Tapis noué main" in french.content.decode()


@pytest.mark.django_db
def test_signed_in_visitors_are_never_served_from_cache(client, craft, product, django_user_model):
    get(client, "/en/catalogue/")
    user = django_user_model.objects.create_user("amina", "amina@example.com", "pw-12345678")
    client.force_login(user)
    response = get(client, "/en/catalogue/")
    assert "X-Page-Cache" not in response


@pytest.mark.django_db
def test_visitors_with_a_basket_are_never_served_from_cache(client, craft, product):
    client.post(reverse("basket:add", kwargs={"pk": product.pk}), {"quantity": 1})
    response = get(client, "/en/catalogue/")
    assert "X-Page-Cache" not in response
    assert 'data-testid="basket-count"><span aria-hidden="true">1<' in response.content.decode()


@pytest.mark.django_db
def test_product_page_is_cached_with_a_fresh_csrf_token_per_visitor(client, product):
    from django.test import Client

    first = get(client, product.get_absolute_url())
    other_visitor = Client(enforce_csrf_checks=True)
    hit = get(other_visitor, product.get_absolute_url())
    assert hit["X-Page-Cache"] == "hit"
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', hit.content.decode())[1]
    assert token not in first.content.decode()
    response = other_visitor.post(
        reverse("basket:add", kwargs={"pk": product.pk}),
        {"quantity": 1, "csrfmiddlewaretoken": token},
    )
    assert response.status_code == 302


@pytest.mark.django_db
def test_the_stored_page_holds_no_csrf_token(client, product):
    from django.core.cache import cache

    get(client, product.get_absolute_url())
    request = RequestFactory().get(product.get_absolute_url())
    key = page_cache.page_key(request, product_stamp(product.pk))  # a product page's stamp
    content, _type, _fresh_until = cache.get(key)
    assert page_cache.CSRF_PLACEHOLDER in content
    assert b'csrfmiddlewaretoken" value="__CSRF_TOKEN__"' in content


@pytest.mark.django_db
def test_every_product_view_is_recorded_even_from_cache(
    client, product, django_capture_on_commit_callbacks
):
    from oscar.core.loading import get_model

    ProductRecord = get_model("analytics", "ProductRecord")
    for _ in range(3):
        with django_capture_on_commit_callbacks(execute=True):
            get(client, product.get_absolute_url())
    assert ProductRecord.objects.get(product=product).num_views == 3


@pytest.mark.django_db
@pytest.mark.parametrize("url_name", ["home", "category", "product"])
def test_a_cache_hit_reads_nothing_from_the_database(client, home_page, craft, product, url_name):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = {
        "home": "/en/",
        "category": craft.get_absolute_url(),
        "product": product.get_absolute_url(),
    }[url_name]
    get(client, url)
    with CaptureQueriesContext(connection) as queries:
        assert get(client, url)["X-Page-Cache"] == "hit"
    assert [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith("SELECT")] == []


@pytest.mark.django_db
def test_display_choice_cookies_get_pages_of_their_own(client, product):
    url = product.get_absolute_url()
    assert get(client, url)["X-Page-Cache"] == "miss"
    client.cookies["currency"] = "EUR"
    assert get(client, url)["X-Page-Cache"] == "miss"
    assert get(client, url)["X-Page-Cache"] == "hit"
    client.cookies["country"] = "GB"
    assert get(client, url)["X-Page-Cache"] == "miss"
