"""Anonymous pages are served from cache until the catalogue changes; nothing personal is."""

from decimal import Decimal

import pytest
from django.test import RequestFactory
from django.urls import reverse

from catalog import page_cache


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
def test_a_price_change_shows_at_once(client, craft, product):
    url = craft.get_absolute_url()
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
    assert 'class="badge">1<' in response.content.decode()


@pytest.mark.django_db
def test_a_page_that_used_a_csrf_token_is_not_stored():
    from django.http import HttpResponse
    from django.middleware.csrf import get_token

    request = RequestFactory().get("/en/x/")
    request.META["CSRF_COOKIE"] = "a" * 32
    get_token(request)
    assert not page_cache._is_shareable(request, HttpResponse("form"))


@pytest.mark.django_db
def test_product_pages_are_not_cached_whole(client, product):
    get(client, product.get_absolute_url())
    assert "X-Page-Cache" not in get(client, product.get_absolute_url())
