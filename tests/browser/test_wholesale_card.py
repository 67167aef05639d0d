"""A Paris concept store pays its 30% deposit by card on the wholesale order page, in Debian
chromium through localstripe's Stripe.js shim: a declined card first (told in French, nothing
recorded), then a card that goes through (recorded, the order in production)."""

import datetime
from decimal import Decimal

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone

from marketplace.payments import localstripe_server
from tests.factories.catalogue import ProductFactory, SellerFactory
from tests.factories.checkout import DECLINED_CARD, TEST_CARD
from tests.factories.wholesale import company_member, offer_on
from tests.support.browser import BROWSER_TEST, CHROMIUM, CHROMIUM_ARGS
from tests.support.csp_watch import assert_no_csp_violation, watch_csp
from wholesale.models import Company
from wholesale.orders import place_order
from wholesale.quotes import accept_quote, answer_quote, ask_quote

DAY = datetime.timedelta(days=1)

pytestmark = BROWSER_TEST


@pytest.fixture
def placed(live_server, stripe_api):
    """A verified buyer's order of 24 tagines (3,600.00 MAD, 30% deposit), and its session."""
    buyer = company_member(Company.VERIFIED, name="Concept Store Paris")
    tagines = ProductFactory(stockrecord__seller=SellerFactory(name_latin="Coop Safi"))
    offer_on(tagines, tiers=((12, "180.00"),), minimum=12, case_pack=12)
    today = timezone.localdate()
    location = buyer.company_contact.company.locations.get()
    request = ask_quote(
        buyer, location, "DAP", today + 30 * DAY, [(tagines.stockrecords.get(), 24)]
    )
    quote = request.quotes.get()
    answer_quote(quote.pk, quote.seller, {quote.lines.get().pk: Decimal("150.00")}, 20, today + DAY)
    accept_quote(quote.pk, buyer)
    order = place_order(request.pk, buyer, 30)
    localstripe_server.register_webhook(
        stripe_api, f"{live_server.url}/payments/stripe/webhook/", settings.STRIPE_WEBHOOK_SECRET
    )
    client = Client()
    client.force_login(buyer)
    return live_server.url, order, client.cookies[settings.SESSION_COOKIE_NAME].value


def test_a_declined_card_then_a_good_one_pay_the_deposit(placed):
    base_url, order, session = placed
    declined, paid_row = _pay(base_url, f"/fr/wholesale/orders/{order.pk}/", session)
    assert "refusée" in declined
    assert "carte" in paid_row
    deposit = order.payments.get(kind="deposit")
    assert deposit.paid_at is not None
    attempt = deposit.card_payments.get(status="succeeded")
    assert attempt.currency == "EUR"
    assert deposit.card_payments.filter(status="failed").count() == 1


def _pay(base_url, path, session):
    """Runs with no ORM call: Playwright's event loop owns this thread meanwhile."""
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        context = browser.new_context(locale="fr-FR")
        context.add_cookies(
            [
                {"name": "currency", "value": "EUR", "url": base_url},
                {"name": settings.SESSION_COOKIE_NAME, "value": session, "url": base_url},
            ]
        )
        violations = watch_csp(context)
        page = context.new_page()
        page.goto(f"{base_url}{path}")
        assert "€" in page.locator("[data-testid=pay]").inner_text(timeout=5000)
        _card(page, DECLINED_CARD)
        expect(page.locator("#payment-message")).not_to_be_empty(timeout=20000)
        declined = page.locator("#payment-message").inner_text()
        _card(page, TEST_CARD)
        row = page.locator("[data-testid=payment-deposit]")
        expect(row).to_contain_text("carte", timeout=20000)
        paid_row = row.inner_text()
        browser.close()
    assert_no_csp_violation(violations)
    return declined, paid_row


def _card(page, number):
    fields = {"number": number, "exp_month": "12", "exp_year": "30", "cvc": "123"}
    for placeholder, value in fields.items():
        page.fill(f"#card-element input[placeholder={placeholder}]", value)
    page.fill("#card-element input[placeholder=postal_code]", "75011")
    page.click("[data-testid=pay]")
