"""A British buyer in Debian chromium (Accept-Language en-GB, no cookie) sees pounds and the
United Kingdom from the home page to the confirmation and their account's order page: every
amount, from the home page's cards and the product page on, is in pounds, and MAD appears only
as the reference beside the amount charged and in the rate line. Paid at localstripe through
its Stripe.js shim."""

import pytest
from django.test import Client
from django.utils import translation
from oscar.core.loading import get_model

from marketplace.payments import localstripe_server
from tests.factories.checkout import TEST_CARD, country, rug_and_lantern
from tests.factories.users import UserFactory
from tests.support.browser import BROWSER_TEST, CHROMIUM, CHROMIUM_ARGS

Order = get_model("order", "Order")

pytestmark = BROWSER_TEST

# The page's main content without the MAD reference lines (the amount charged in MAD, the rate).
CONTENT_WITHOUT_REFERENCES = """() => {
  const main = document.querySelector('#content_inner').cloneNode(true);
  main.querySelectorAll('.mad-reference, .rate-date').forEach((node) => node.remove());
  return main.innerText;
}"""


@pytest.fixture
def shop(live_server, stripe_api, settings, home_page):
    """A rug and a lantern from two sellers, a signed-in British buyer (session cookie)."""
    for code in ("FR", "GB", "US"):
        country(code)
    pieces = rug_and_lantern()
    localstripe_server.register_webhook(
        stripe_api, f"{live_server.url}/payments/stripe/webhook/", settings.STRIPE_WEBHOOK_SECRET
    )
    client = Client()
    client.force_login(UserFactory(email="oliver@example.co.uk"))
    urls = {}
    for language in ("en", "ar"):
        with translation.override(language):
            urls[language] = [piece.get_absolute_url() for piece in pieces]
    return live_server.url, urls, client.cookies[settings.SESSION_COOKIE_NAME].value


WIDEST = """() => {
  const over = [...document.querySelectorAll('body *')].filter(
    (node) => {
      const box = node.getBoundingClientRect();
      return box.right > document.documentElement.clientWidth + 1 || box.left < -1;
    });
  return [document.documentElement.scrollWidth, over.slice(-3).map(
    (node) => node.tagName + '.' + node.className + ' ' + (node.innerText || '').slice(0, 40))];
}"""


def header_choices(page):
    return (
        page.locator("#country-picker-select").input_value(),
        page.locator("#currency-select").input_value(),
    )


def walk(base_url, urls, session, width=None, language="en"):
    """Home to the account's order page; returns what each page showed. No ORM call meanwhile
    (Playwright's event loop owns this thread)."""
    from playwright.sync_api import sync_playwright

    seen = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        options = {"locale": "en-GB", "base_url": base_url}
        if width:
            options["viewport"] = {"width": width, "height": 844}
        context = browser.new_context(**options)
        context.add_cookies([{"name": "sessionid", "value": session, "url": base_url}])
        page = context.new_page()
        try:
            page.goto(f"/{language}/")
            seen["home"] = header_choices(page), page.evaluate(CONTENT_WITHOUT_REFERENCES)
            seen["home prices"] = page.locator(".product-card .price").all_inner_texts()
            for url in urls[language]:
                page.goto(url)
                seen["product"] = header_choices(page), page.evaluate(CONTENT_WITHOUT_REFERENCES)
                seen["product price"] = page.locator(".buy-box .price").inner_text()
                page.click("[data-testid=add-to-basket]")
                page.wait_for_load_state()
            page.goto(f"/{language}/basket/")
            seen["basket"] = header_choices(page), page.evaluate(CONTENT_WITHOUT_REFERENCES)
            page.goto(f"/{language}/checkout/shipping-address/")
            for field, value in {
                "first_name": "Oliver",
                "last_name": "Hughes",
                "line1": "221 Camden High Street",
                "line4": "London",
                "postcode": "NW1 7BU",
            }.items():
                page.fill(f"#id_{field}", value)
            seen["address country"] = page.locator("#id_country").input_value()
            page.click("#content_inner form button[type=submit]")
            page.wait_for_url("**/checkout/shipping-method/", timeout=15000)
            page.check("input[name=incoterm][value=DAP]")
            seen["shipping"] = header_choices(page), page.evaluate(CONTENT_WITHOUT_REFERENCES)
            page.click("[data-testid=continue-to-payment]")
            page.wait_for_url("**/checkout/preview/", timeout=15000)
            seen["preview"] = header_choices(page), page.evaluate(CONTENT_WITHOUT_REFERENCES)
            seen["preview charge"] = page.locator("[data-testid=charged]").inner_text()
            card = {"number": TEST_CARD, "exp_month": "12", "exp_year": "30", "cvc": "123"}
            for placeholder, value in card.items():
                page.fill(f"#card-element input[placeholder={placeholder}]", value)
            page.fill("#card-element input[placeholder=postal_code]", "NW1 7BU")
            page.click("[data-testid=pay]")
            page.wait_for_url("**/checkout/thank-you/", timeout=20000)
            seen["confirmation"] = header_choices(page), page.evaluate(CONTENT_WITHOUT_REFERENCES)
            seen["confirmation charge"] = page.locator("[data-testid=charged]").inner_text()
            number = page.locator("[data-testid=order-number] strong").inner_text()
            page.goto(f"/{language}/accounts/orders/{number}/")
            seen["order page"] = header_choices(page), page.evaluate(CONTENT_WITHOUT_REFERENCES)
            seen["order charge"] = page.locator("[data-testid=charged]").inner_text()
            seen["widths"] = page.evaluate(WIDEST)
        finally:
            browser.close()
    return seen


def assert_pounds_everywhere(seen):
    for name in ("home", "product", "basket", "shipping", "preview", "confirmation", "order page"):
        assert seen[name][0] == ("GB", "GBP"), name
    assert "United Kingdom" in seen["product"][1]
    assert seen["home prices"], "the home page shows the new pieces' cards"
    for price in seen["home prices"]:
        assert price.startswith("£"), seen["home prices"]
    assert seen["product price"].startswith("£"), seen["product price"]
    assert seen["address country"] == "GB"
    for name in ("home", "product", "basket", "shipping", "preview", "confirmation", "order page"):
        text = seen[name][1]
        assert "£" in text, name
        assert "MAD" not in text, (name, text)
    assert "United Kingdom" in seen["shipping"][1]
    for name in ("preview charge", "confirmation charge", "order charge"):
        assert "£" in seen[name] and "MAD" in seen[name], (name, seen[name])


def test_a_british_buyer_sees_pounds_from_home_to_the_account_order_page(shop):
    base_url, urls, session = shop
    seen = walk(base_url, urls, session)
    assert_pounds_everywhere(seen)
    order = Order.objects.get()
    assert order.checkout_payment.currency == "GBP"
    assert order.shipping_address.country_id == "GB"


def test_an_arabic_page_on_a_phone_shows_pounds_through_the_checkout(shop):
    base_url, urls, session = shop
    seen = walk(base_url, urls, session, width=390, language="ar")
    for name in ("basket", "shipping", "preview", "confirmation", "order page"):
        assert seen[name][0] == ("GB", "GBP"), name
        assert "£" in seen[name][1], name
        assert "MAD" not in seen[name][1], (name, seen[name][1])
    assert seen["widths"][0] <= 390, seen["widths"]
