"""Login throttling (django-axes): wrong passwords lock an account, and an address, out.

Counts live in Redis when REDIS_URL is set, else in the database: the suite runs these tests
against whichever the settings pick, as production would.
"""

import io

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from django.utils import translation

from marketplace.security.login_throttle import client_ip
from tests.factories.users import UserFactory

PASSWORD = "Zx!maalem-2026-q"
WRONG = "not-the-password"
HOME, AWAY = "203.0.113.7", "198.51.100.9"

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fast_hashing(settings):
    """Hundreds of password checks: a fast hasher (the throttle never sees the hash)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def account(**kwargs):
    return UserFactory(password=PASSWORD, **kwargs)


def storefront_login(client, email, password, address=HOME, language="en"):
    return client.post(
        f"/{language}/accounts/login/",
        {"login-username": email, "login-password": password, "login_submit": "1"},
        REMOTE_ADDR=address,
    )


def signed_in(client):
    return "_auth_user_id" in client.session


def fail(email, times, address=HOME):
    client = Client()
    for _ in range(times):
        storefront_login(client, email, WRONG, address)


def test_thirty_wrong_passwords_then_the_right_one_is_refused(client):
    user = account()
    for _ in range(30):
        storefront_login(client, user.email, WRONG)
    response = storefront_login(client, user.email, PASSWORD)
    assert response.status_code == 429
    assert not signed_in(client)


def test_account_locks_after_its_limit_and_not_before(client):
    user = account()
    fail(user.email, settings.LOGIN_FAILURES_PER_ACCOUNT - 1)
    assert storefront_login(client, user.email, PASSWORD).status_code == 302
    client.logout()
    fail(user.email, settings.LOGIN_FAILURES_PER_ACCOUNT)
    assert storefront_login(client, user.email, PASSWORD).status_code == 429


def test_locked_account_is_refused_from_another_address(client):
    user = account()
    fail(user.email, settings.LOGIN_FAILURES_PER_ACCOUNT, address=HOME)
    response = storefront_login(client, user.email, PASSWORD, address=AWAY)
    assert response.status_code == 429
    assert not signed_in(client)


def test_a_locked_account_leaves_other_accounts_at_the_same_address_alone(client):
    victim, neighbour = account(), account()
    fail(victim.email, 30)
    assert storefront_login(client, neighbour.email, PASSWORD).status_code == 302
    assert signed_in(client)


def test_another_account_from_an_address_that_tried_too_many_is_refused(client):
    tried = [account() for _ in range(settings.LOGIN_FAILURES_PER_IP)]
    for user in tried:  # one wrong password each: no account reaches its own limit
        fail(user.email, 1)
    other = account()
    response = storefront_login(client, other.email, PASSWORD, address=HOME)
    assert response.status_code == 429
    assert not signed_in(client)
    assert storefront_login(client, other.email, PASSWORD, address=AWAY).status_code == 302


def test_the_spelling_of_an_email_does_not_buy_more_guesses(client):
    user = account(email="driss@example.com")
    spellings = [
        "Driss@example.com",
        "DRISS@EXAMPLE.COM",
        " driss@example.com",
        "dRiss@Example.com",
    ]
    for n in range(settings.LOGIN_FAILURES_PER_ACCOUNT):
        fail(spellings[n % len(spellings)], 1)
    assert storefront_login(client, user.email, PASSWORD, address=AWAY).status_code == 429


def test_signing_in_clears_the_accounts_count(client):
    user = account()
    fail(user.email, settings.LOGIN_FAILURES_PER_ACCOUNT - 1)
    assert storefront_login(client, user.email, PASSWORD).status_code == 302
    client.logout()
    fail(user.email, settings.LOGIN_FAILURES_PER_ACCOUNT - 1)
    assert storefront_login(client, user.email, PASSWORD).status_code == 302


def test_signing_into_ones_own_account_does_not_clear_the_addresss_count(client):
    own, other = account(), account()
    victims = [account() for _ in range(settings.LOGIN_FAILURES_PER_IP)]
    for victim in victims[:-1]:
        fail(victim.email, 1)
    assert storefront_login(Client(), own.email, PASSWORD).status_code == 302
    fail(victims[-1].email, 1)
    assert storefront_login(client, other.email, PASSWORD).status_code == 429


def test_a_forged_forwarded_for_header_does_not_escape_the_address_count(client, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    for n, victim in enumerate([account() for _ in range(settings.LOGIN_FAILURES_PER_IP)]):
        Client().post(
            "/en/accounts/login/",
            {"login-username": victim.email, "login-password": WRONG, "login_submit": "1"},
            REMOTE_ADDR=HOME,
            HTTP_X_FORWARDED_FOR=f"192.0.2.{n}",
        )
    other = account()
    assert storefront_login(client, other.email, PASSWORD).status_code == 429


@pytest.mark.parametrize(
    ("forwarded_for", "proxies", "client_address"),
    [
        ("", 0, "10.0.0.2"),
        ("192.0.2.1", 0, "10.0.0.2"),
        ("192.0.2.1", 1, "192.0.2.1"),
        ("6.6.6.6, 192.0.2.1", 1, "192.0.2.1"),
        ("6.6.6.6, 192.0.2.1, 10.0.0.3", 2, "192.0.2.1"),
        ("", 1, "10.0.0.2"),
    ],
)
def test_client_address_is_read_behind_the_trusted_proxies_only(
    rf, settings, forwarded_for, proxies, client_address
):
    settings.TRUSTED_PROXY_COUNT = proxies
    request = rf.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=forwarded_for)
    assert client_ip(request) == client_address


def test_lock_out_page_is_a_french_page_on_the_french_site(client):
    user = account()
    fail(user.email, settings.LOGIN_FAILURES_PER_ACCOUNT)
    response = storefront_login(client, user.email, PASSWORD, language="fr")
    html = response.content.decode()
    assert response.status_code == 429
    assert response["Content-Type"].startswith("text/html")
    assert '<html lang="fr"' in html
    assert "Trop de tentatives de connexion" in html
    assert "Réessayez dans 15 minutes." in html
    assert 'href="/fr/password-reset/"' in html
    assert "Account locked" not in html  # axes's own English message


@pytest.mark.parametrize("language", ["ar", "es"])
def test_lock_out_page_is_translated(client, language):
    user = account()
    fail(user.email, settings.LOGIN_FAILURES_PER_ACCOUNT)
    html = storefront_login(client, user.email, PASSWORD, language=language).content.decode()
    with translation.override(language):
        title = translation.gettext("Too many sign-in attempts")
    assert title != "Too many sign-in attempts"
    assert title in html


def staff():
    return account(is_staff=True, is_superuser=True)


def checkout_gateway(client, email, password):
    from tests.factories.catalogue import ProductFactory

    product = ProductFactory()
    client.post(f"/en/basket/add/{product.pk}/", {"quantity": 1}, REMOTE_ADDR=HOME)
    return client.post(
        "/en/checkout/",
        {"username": email, "password": password, "options": "existing"},
        REMOTE_ADDR=HOME,
    )


def admin_form(path):
    def login(client, email, password):
        return client.post(path, {"username": email, "password": password}, REMOTE_ADDR=HOME)

    return login


LOGIN_FORMS = {
    "storefront": storefront_login,
    "checkout": checkout_gateway,
    "dashboard": admin_form("/dashboard/login/"),
    "django-admin": admin_form("/django-admin/login/"),
    "wagtail": admin_form("/cms/login/"),
}


@pytest.mark.parametrize("form", LOGIN_FORMS)
def test_every_login_form_signs_in_with_the_right_password(client, form):
    user = staff()
    response = LOGIN_FORMS[form](client, user.email, PASSWORD)
    assert response.status_code == 302
    assert signed_in(client)


@pytest.mark.parametrize("form", LOGIN_FORMS)
def test_every_login_form_counts_wrong_passwords_and_refuses_once_locked(client, form):
    user = staff()
    for _ in range(settings.LOGIN_FAILURES_PER_ACCOUNT):
        LOGIN_FORMS[form](Client(), user.email, WRONG)
    response = LOGIN_FORMS[form](client, user.email, PASSWORD)
    assert response.status_code == 429
    assert not signed_in(client)


def test_failed_attempts_recorded_in_the_database_hold_no_password(client, settings):
    from axes.models import AccessAttempt

    settings.AXES_HANDLER = "marketplace.security.login_throttle.DatabaseHandler"
    user = account()
    storefront_login(client, user.email, WRONG)
    attempt = AccessAttempt.objects.get()
    assert WRONG not in attempt.post_data
    assert user.email not in attempt.post_data


def test_a_lock_out_can_be_lifted_by_command(client):
    user = account()
    fail(user.email, settings.LOGIN_FAILURES_PER_ACCOUNT)
    call_command("axes_reset_username", user.email, stdout=io.StringIO())
    assert storefront_login(client, user.email, PASSWORD, address=AWAY).status_code == 302
