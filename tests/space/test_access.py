"""Who reaches the seller space, and for which seller."""

import pytest
from django.urls import reverse

from sellers.fulfilment.parcels import create_parcels
from sellers.space.access import SESSION_KEY
from tests.factories.catalogue import SellerFactory
from tests.factories.orders import order_for, product_of
from tests.factories.users import UserFactory, member_of

pytestmark = pytest.mark.django_db

SPACE_URLS = [
    "seller_space:home",
    "seller_space:listings",
    "seller_space:listing-create",
    "seller_space:import",
    "seller_space:import-template",
    "seller_space:orders",
    "seller_space:payouts",
]


@pytest.mark.parametrize("name", SPACE_URLS)
def test_anonymous_visitor_is_sent_to_login(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302
    assert reverse("customer:login") in response["Location"]


@pytest.mark.parametrize("name", [*SPACE_URLS, "seller_space:choose"])
def test_user_outside_any_seller_is_refused(client, name):
    client.force_login(UserFactory())
    assert client.get(reverse(name)).status_code == 403


@pytest.mark.parametrize(
    "path",
    [
        "/en/my-shop/listings/1/",
        "/en/my-shop/listings/1/photos/",
        "/en/my-shop/listings/import/1/",
        "/en/my-shop/listings/import/1/status.json",
        "/en/my-shop/orders/DM1/",
        "/en/my-shop/payouts/statement.csv?date_from=2026-01-01&date_to=2026-01-31",
    ],
)
def test_user_outside_any_seller_cannot_reach_detail_pages(client, path):
    product_of(SellerFactory())
    client.force_login(UserFactory())
    assert client.get(path).status_code == 403


@pytest.mark.parametrize(
    "path",
    ["/en/my-shop/listings/1/photos/1/delete/", "/en/my-shop/orders/DM1/status/"],
)
def test_user_outside_any_seller_cannot_post_actions(client, path):
    client.force_login(UserFactory())
    assert client.post(path).status_code == 403


def test_member_of_one_seller_enters_directly(client):
    seller = SellerFactory(name="Atelier Tazi")
    client.force_login(member_of(seller))
    response = client.get(reverse("seller_space:home"))
    assert response.status_code == 200
    assert response.context["seller"] == seller


def test_member_of_several_sellers_is_asked_to_choose(client):
    client.force_login(member_of(SellerFactory(), SellerFactory()))
    response = client.get(reverse("seller_space:listings"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("seller_space:choose"))


def test_choice_is_kept_in_the_session(client):
    first, second = SellerFactory(), SellerFactory()
    client.force_login(member_of(first, second))
    response = client.post(
        reverse("seller_space:choose"),
        {"seller": second.pk, "next": reverse("seller_space:orders")},
    )
    assert response["Location"] == reverse("seller_space:orders")
    assert client.session[SESSION_KEY] == second.pk
    assert client.get(reverse("seller_space:home")).context["seller"] == second


@pytest.mark.parametrize("value", ["", "abc", "1 OR 1=1"])
def test_malformed_seller_choice_is_404(client, value):
    client.force_login(member_of(SellerFactory(), SellerFactory()))
    assert client.post(reverse("seller_space:choose"), {"seller": value}).status_code == 404


def test_cannot_choose_a_seller_one_does_not_belong_to(client):
    other = SellerFactory()
    client.force_login(member_of(SellerFactory(), SellerFactory()))
    response = client.post(reverse("seller_space:choose"), {"seller": other.pk})
    assert response.status_code == 404
    assert SESSION_KEY not in client.session


def test_session_pointing_at_a_foreign_seller_asks_again(client):
    other = SellerFactory()
    client.force_login(member_of(SellerFactory(), SellerFactory()))
    session = client.session
    session[SESSION_KEY] = other.pk
    session.save()
    assert client.get(reverse("seller_space:home")).status_code == 302


def test_choose_refuses_an_outside_next_url(client):
    seller = SellerFactory()
    client.force_login(member_of(seller, SellerFactory()))
    response = client.post(
        reverse("seller_space:choose"), {"seller": seller.pk, "next": "https://evil.example/"}
    )
    assert response["Location"] == reverse("seller_space:home")


def test_cooperative_members_share_the_space(client):
    cooperative = SellerFactory(kind="cooperative")
    for user in (member_of(cooperative), member_of(cooperative)):
        client.force_login(user)
        assert client.get(reverse("seller_space:home")).context["seller"] == cooperative


@pytest.mark.parametrize("status", ["pending", "needs_info", "suspended"])
def test_unverified_seller_enters_and_is_told_listings_wait(client, status):
    client.force_login(member_of(SellerFactory(status=status, verified_at=None)))
    response = client.get(reverse("seller_space:listings"))
    assert response.status_code == 200
    assert "not verified yet" in response.content.decode()


def test_verified_seller_sees_no_waiting_notice(client):
    client.force_login(member_of(SellerFactory()))
    assert "not verified yet" not in client.get(reverse("seller_space:home")).content.decode()


def test_header_links_members_to_their_shop(client, home_page):
    client.force_login(member_of(SellerFactory()))
    assert reverse("seller_space:home") in client.get("/en/").content.decode()


def test_header_has_no_shop_link_for_buyers(client, home_page):
    client.force_login(UserFactory())
    assert reverse("seller_space:home") not in client.get("/en/").content.decode()


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_space_renders_in_arabic_and_french(client, language):
    client.force_login(member_of(SellerFactory()))
    response = client.get(f"/{language}/my-shop/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'lang="{language}"' in html
    assert ('dir="rtl"' in html) is (language == "ar")


def test_overview_counts_only_the_sellers_own_data(client):
    mine, theirs = SellerFactory(), SellerFactory()
    product_of(mine)
    create_parcels(order_for(product_of(theirs), product_of(theirs)))
    client.force_login(member_of(mine))
    context = client.get(reverse("seller_space:home")).context
    assert (context["listings_count"], context["to_prepare_count"]) == (1, 0)
