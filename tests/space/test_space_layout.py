"""Every seller page carries the seller-space menu and no buyer currency selector; curation
pages neither; storefront pages keep the selector."""

import pytest
from django.urls import reverse

from sellers.fulfilment.parcels import parcel_for
from tests.factories.catalogue import SellerFactory
from tests.factories.orders import order_for, product_of
from tests.factories.users import curator, member_of

pytestmark = pytest.mark.django_db

MENU = 'class="space-nav"'
SELECTOR = 'class="currency-selector"'


@pytest.fixture
def seller():
    return SellerFactory(name="Atelier Tazi", name_latin="Atelier Tazi")


@pytest.fixture
def parcel(seller):
    return parcel_for(order_for(product_of(seller)), seller)


def seller_pages(seller, parcel):
    return [
        reverse("seller_space:home"),
        reverse("seller_space:profile"),
        reverse("seller_space:listings"),
        reverse("seller_space:orders"),
        reverse("seller_space:payouts"),
        reverse("fulfilment:parcels"),
        reverse("fulfilment:parcel", args=[parcel.pk]),
        reverse("certificates:seller", args=[seller.pk]),
        reverse("certificates:profiles", args=[seller.pk]),
    ]


@pytest.mark.parametrize("index", range(9))
def test_each_seller_page_has_the_menu_and_no_currency_selector(client, seller, parcel, index):
    client.force_login(member_of(seller))
    url = seller_pages(seller, parcel)[index]
    body = client.get(url).content.decode()
    assert MENU in body, url
    assert SELECTOR not in body, url


def test_the_menu_marks_the_current_page(client, seller, parcel):
    client.force_login(member_of(seller))
    body = client.get(reverse("fulfilment:parcels")).content.decode()
    assert f'href="{reverse("fulfilment:parcels")}" aria-current="page"' in body


def test_a_curator_who_is_not_a_member_gets_no_seller_menu(client, seller, parcel):
    client.force_login(curator())
    body = client.get(reverse("certificates:seller", args=[seller.pk])).content.decode()
    assert MENU not in body and SELECTOR not in body


@pytest.mark.parametrize("url_name", ["curation:todo", "curation:queue"])
def test_curation_pages_have_no_currency_selector(client, url_name):
    client.force_login(curator())
    assert SELECTOR not in client.get(reverse(url_name)).content.decode()


def test_the_storefront_keeps_the_currency_selector(client):
    assert SELECTOR in client.get(reverse("catalogue:index")).content.decode()
