"""seed_demo's member accounts for the seller space."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from demo.accounts import DEMO_PASSWORD, seed_member_accounts
from tests.factories.catalogue import SellerFactory

pytestmark = pytest.mark.django_db

SLUGS = ["maalem-driss-tazi", "cooperative-tamounte", "cooperative-tilila-ouarzazate"]


@pytest.fixture
def sellers():
    return {
        slug: SellerFactory(slug=slug, status="pending" if "tilila" in slug else "verified")
        for slug in SLUGS
    }


def test_demo_accounts_belong_to_their_sellers(sellers):
    seed_member_accounts(sellers)
    User = get_user_model()
    cooperative = sellers["cooperative-tamounte"]
    assert set(cooperative.users.values_list("email", flat=True)) == {
        "coop@example.com",
        "coop2@example.com",
        "multi@example.com",
    }
    assert User.objects.get(email="pending@example.com").partners.get().status == "pending"


def test_seeding_twice_changes_nothing(sellers):
    seed_member_accounts(sellers)
    User = get_user_model()
    before = list(User.objects.order_by("pk").values_list("pk", "password"))
    seed_member_accounts(sellers)
    assert list(User.objects.order_by("pk").values_list("pk", "password")) == before
    assert sellers["maalem-driss-tazi"].users.count() == 2


def test_demo_seller_logs_in_with_the_documented_password(sellers, client):
    seed_member_accounts(sellers)
    response = client.post(
        reverse("customer:login"),
        {
            "login-username": "seller@example.com",
            "login-password": DEMO_PASSWORD,
            "login_submit": "1",
        },
    )
    assert response.status_code == 302
    assert client.get(reverse("seller_space:home")).status_code == 200


def test_missing_demo_sellers_are_skipped():
    assert seed_member_accounts({}) == []
