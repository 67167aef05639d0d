"""seed_demo's logins: refused without DEBUG; each role signs in and reaches its own home."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from demo.accounts import BUYER, CURATOR, DEMO_PASSWORD, LOGINS, OPERATOR, seed_logins
from tests.factories.catalogue import SellerFactory
from tests.support.seeding import seed_demo

pytestmark = pytest.mark.django_db

SELLERS = {
    "maalem-driss-tazi": ("Maâlem Driss Tazi", "artisan", "verified"),
    "cooperative-tamounte": ("Coopérative Tamounte", "cooperative", "verified"),
    "cooperative-tilila-ouarzazate": ("Coopérative Tilila", "cooperative", "pending"),
}


@pytest.fixture
def logins():
    """The demo logins on the demo sellers, as seed_demo makes them (without the catalogue)."""
    sellers = {
        slug: SellerFactory(slug=slug, name=name, kind=kind, status=status)
        for slug, (name, kind, status) in SELLERS.items()
    }
    return seed_logins(sellers)


def log_in(client, email, password=DEMO_PASSWORD):
    """Sign in through the storefront's login page, as a person would."""
    client.logout()
    response = client.post(
        reverse("customer:login"),
        {"login-username": email, "login-password": password, "login_submit": "1"},
    )
    assert response.status_code == 302, f"{email} could not log in"


def test_seed_demo_is_refused_with_debug_off(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="only with DEBUG on"):
        call_command("seed_demo", products=0, verbosity=0)
    assert not get_user_model().objects.exists()


def test_every_login_seed_demo_prints_signs_in_with_its_printed_password(client):
    printed = seed_demo(products=0).splitlines()
    header = next(line for line in printed if line.startswith("login "))
    password_at = header.index("password")
    rows = {line.split()[0]: line for line in printed if "@example.com" in line}
    assert set(rows) == {login.email for login in LOGINS}
    for login in LOGINS:
        assert login.role in rows[login.email]
        log_in(client, login.email, rows[login.email][password_at:].split()[0])


def test_demo_buyer_reaches_their_account_page(logins, client):
    log_in(client, BUYER.email)
    response = client.get(reverse("customer:summary"), follow=True)
    assert response.status_code == 200 and BUYER.email in response.content.decode()


def test_demo_artisan_reaches_their_seller_space(logins, client):
    log_in(client, "seller@example.com")
    response = client.get(reverse("seller_space:home"))
    assert response.status_code == 200 and "Maâlem Driss Tazi" in response.content.decode()


@pytest.mark.parametrize("email", ["coop@example.com", "coop2@example.com"])
def test_each_cooperative_member_reaches_the_cooperative_space(logins, client, email):
    log_in(client, email)
    response = client.get(reverse("seller_space:home"))
    assert response.status_code == 200 and "Coopérative Tamounte" in response.content.decode()


def test_demo_curator_reaches_the_curation_queue_and_wagtail(logins, client):
    log_in(client, CURATOR.email)
    assert not get_user_model().objects.get(email=CURATOR.email).is_staff  # the group suffices
    assert client.get(reverse("curation:queue")).status_code == 200
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_demo_operator_reaches_the_dashboard_shipping_tables_and_payout_pages(logins, client):
    log_in(client, OPERATOR.email)
    assert client.get(reverse("dashboard:index")).status_code == 200
    assert client.get(reverse("shipping-dashboard-tables")).status_code == 200
    for page in (
        "/dashboard/payouts/",
        "/dashboard/payouts/totals/",
        "/dashboard/payouts/disputes/",
    ):
        assert client.get(page).status_code == 200, page


def test_seeding_the_logins_twice_changes_nothing(logins):
    User = get_user_model()
    before = list(User.objects.order_by("pk").values_list("pk", "password", "is_staff"))
    sellers = {seller.slug: seller for user in logins for seller in user.partners.all()}
    seed_logins(sellers)
    assert list(User.objects.order_by("pk").values_list("pk", "password", "is_staff")) == before


def test_readme_lists_every_demo_login_with_its_role_and_password(settings):
    readme = (settings.BASE_DIR / "README.md").read_text()
    for login in LOGINS:
        assert f"| `{login.email}` | {login.role} | `{DEMO_PASSWORD}` |" in readme, login.email
