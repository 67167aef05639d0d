"""Foreign buyers in Debian chromium: the country and currency come from the browser's
Accept-Language (a British browser on /en/ sees pounds and the United Kingdom from the home page
to the basket) and the checkout starts the address in that country (France for a French one)."""

import pytest
from django.utils import translation

from tests.factories.catalogue import ProductFactory
from tests.factories.checkout import country
from tests.support.browser import BROWSER_TEST, CHROMIUM, CHROMIUM_ARGS, PHONE

DESKTOP = {"width": 1280, "height": 900}

pytestmark = BROWSER_TEST


@pytest.fixture
def shop(live_server, home_page):
    for code in ("DE", "FR", "GB", "US"):
        country(code)
    rug = ProductFactory(hs_code="5701")
    urls = {}
    for language in ("en", "fr", "ar"):
        with translation.override(language):
            urls[language] = rug.get_absolute_url()
    return live_server.url, urls


def browse(base_url, locale, visit, viewport=DESKTOP):
    """Open a chromium whose Accept-Language is ``locale``'s and run ``visit(page)``; no ORM
    call meanwhile (Playwright's event loop owns this thread)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        context = browser.new_context(locale=locale, base_url=base_url, viewport=viewport)
        try:
            return visit(context.new_page())
        finally:
            browser.close()


def header_choices(page):
    return (
        page.locator("#country-picker-select").input_value(),
        page.locator("#currency-select").input_value(),
    )


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "390"])
def test_a_british_browser_sees_pounds_and_the_united_kingdom_from_home_to_basket(shop, viewport):
    base_url, urls = shop

    def visit(page):
        seen = {}
        page.goto("/en/")
        seen["home"] = header_choices(page)
        page.goto(urls["en"])
        seen["product"] = header_choices(page)
        seen["ships to"] = page.locator("[data-testid=ships-to]").inner_text()
        seen["price"] = page.locator("[data-testid=buyer-price]").first.inner_text()
        page.click("[data-testid=add-to-basket]")
        page.wait_for_load_state()
        page.goto("/en/basket/")
        seen["basket"] = header_choices(page)
        return seen

    seen = browse(base_url, "en-GB", visit, viewport)
    for name in ("home", "product", "basket"):
        assert seen[name] == ("GB", "GBP"), name
    assert "Ships to United Kingdom" in seen["ships to"]
    assert "£" in seen["price"]


@pytest.mark.parametrize(
    "language, viewport, france",
    [("fr", DESKTOP, "France"), ("fr", PHONE, "France"), ("ar", PHONE, "فرنسا")],
    ids=["fr-desktop", "fr-390", "ar-390"],
)
def test_a_french_browser_checks_out_with_france_preselected(shop, language, viewport, france):
    """On /fr/, and on /ar/ too: the browser's region, not the page's language, says France."""
    base_url, urls = shop

    def visit(page):
        page.goto(urls[language])
        page.click("[data-testid=add-to-basket]")
        page.wait_for_load_state()
        page.goto(f"/{language}/checkout/")
        page.fill("#id_username", "claire@example.com")
        page.check("input[name=options][value=anonymous]")
        page.click("#content_inner form button[type=submit]")
        page.wait_for_url(f"**/{language}/checkout/shipping-address/", timeout=15000)
        select = page.locator("#id_country")
        return select.input_value(), select.locator("option:checked").inner_text()

    assert browse(base_url, "fr-FR", visit, viewport) == ("FR", france)
