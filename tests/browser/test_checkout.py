"""A French buyer paying in euros in Debian chromium, through localstripe's Stripe.js shim."""

import time

import pytest
from django.utils import translation
from oscar.core.loading import get_model

from marketplace.payments import localstripe_server
from marketplace.payments.models import StockReservation, StripeEvent
from tests.factories.catalogue import SellerFactory
from tests.factories.checkout import DECLINED_CARD, TEST_CARD, CountryFactory, unique_piece
from tests.support.browser import BROWSER_TEST, CHROMIUM, CHROMIUM_ARGS
from tests.support.csp_watch import assert_no_csp_violation, watch_csp

Order = get_model("order", "Order")

pytestmark = BROWSER_TEST


@pytest.fixture
def shop(live_server, stripe_api, settings):
    """Two sellers' unique pieces; localstripe posts its webhooks to the live server."""
    CountryFactory()
    pieces = [
        unique_piece("1000.00", seller=SellerFactory(name="Atelier Fès")),
        unique_piece("450.00", seller=SellerFactory(name="Coopérative Tiznit")),
    ]
    localstripe_server.register_webhook(
        stripe_api, f"{live_server.url}/payments/stripe/webhook/", settings.STRIPE_WEBHOOK_SECRET
    )
    with translation.override("fr"):
        urls = [piece.get_absolute_url() for piece in pieces]
    return live_server.url, pieces, urls


def test_french_buyer_pays_in_euros_for_pieces_from_two_sellers(shop):
    base_url, pieces, urls = shop
    text = _buy(base_url, urls, TEST_CARD, expect_thank_you=True)
    order = Order.objects.get()
    assert order.lines.count() == 2
    assert order.checkout_payment.currency == "EUR"
    assert order.number in text
    assert "Test payments, no real money" not in text  # translated on the French pages
    for piece in pieces:
        record = piece.stockrecords.get()
        assert record.num_allocated == 1
    assert _webhook_received("payment_intent.succeeded")
    assert Order.objects.count() == 1  # the return and the webhook raced; one order


def _webhook_received(event_type, seconds=10):
    """localstripe posts its event about a second after the payment: wait for it."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if StripeEvent.objects.filter(type=event_type).exists():
            return True
        time.sleep(0.2)
    return False


def test_declined_card_leaves_no_order_and_the_stock_intact(shop):
    base_url, pieces, urls = shop
    message = _buy(base_url, urls, DECLINED_CARD, expect_thank_you=False)
    assert message.strip()
    assert not Order.objects.exists()
    assert not StockReservation.objects.filter(state="active").exists()
    for piece in pieces:
        record = piece.stockrecords.get()
        assert record.num_in_stock == 1 and not record.num_allocated


def _buy(base_url, urls, card, expect_thank_you):
    """Runs with no ORM call: Playwright's event loop owns this thread meanwhile."""
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        context = browser.new_context(locale="fr-FR")
        context.add_cookies([{"name": "currency", "value": "EUR", "url": base_url}])
        violations = watch_csp(context)  # Stripe.js included
        page = context.new_page()
        for url in urls:
            page.goto(f"{base_url}{url}")
            page.click("[data-testid=add-to-basket]")
            page.wait_for_load_state()
        page.goto(f"{base_url}/fr/checkout/")
        page.fill("#id_username", "claire@example.com")
        page.check("input[name=options][value=anonymous]")
        page.click("#content_inner form button[type=submit]")
        _expect_url(page, "**/fr/checkout/shipping-address/")
        for field, value in {
            "first_name": "Claire",
            "last_name": "Martin",
            "line1": "12 rue des Arts",
            "line4": "Lyon",
            "postcode": "69001",
        }.items():
            page.fill(f"#id_{field}", value)
        page.click("#content_inner form button[type=submit]")
        _expect_url(page, "**/fr/checkout/shipping-method/")
        assert page.locator("[data-testid=parcel]").count() == 2
        page.click("[data-testid=continue-to-payment]")
        _expect_url(page, "**/fr/checkout/preview/")
        assert page.locator("[data-testid=seller-group]").count() == 2
        assert "€" in page.locator("[data-testid=charge]").inner_text(timeout=5000)
        card_fields = {"number": card, "exp_month": "12", "exp_year": "30", "cvc": "123"}
        for placeholder, value in card_fields.items():
            page.fill(f"#card-element input[placeholder={placeholder}]", value)
        page.fill("#card-element input[placeholder=postal_code]", "69001")
        page.click("[data-testid=pay]")
        if expect_thank_you:
            page.wait_for_url("**/fr/checkout/thank-you/", timeout=20000)
            result = page.content()
        else:
            expect(page.locator("#payment-message")).not_to_be_empty(timeout=20000)
            result = page.locator("#payment-message").inner_text()
        browser.close()
    assert_no_csp_violation(violations)
    return result


def _expect_url(page, pattern, timeout=15000):
    """Wait for ``pattern``; on failure say where the browser is and what the page says."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        page.wait_for_url(pattern, timeout=timeout)
    except PlaywrightTimeout:
        main = page.locator("main").inner_text()[:1500]
        raise AssertionError(f"expected {pattern}, at {page.url}:\n{main}") from None
