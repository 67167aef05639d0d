"""A buyer's path in a real browser: Debian chromium driven by Playwright."""

import pytest
from django.utils import translation

from tests.support.browser import BROWSER, CHROMIUM, CHROMIUM_ARGS
from tests.support.csp_watch import assert_no_csp_violation, watch_csp

pytestmark = BROWSER


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_buyer_switches_to_arabic_opens_a_piece_and_adds_it_to_the_basket(
    live_server, home_page, product
):
    with translation.override("ar"):
        arabic_title = product.title
    _buy_in_arabic(live_server.url, arabic_title)


def _buy_in_arabic(base_url, arabic_title):
    """Runs with no ORM call: Playwright's event loop owns this thread meanwhile."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        context = browser.new_context(viewport={"width": 390, "height": 844})
        violations = watch_csp(context)
        page = context.new_page()
        page.goto(f"{base_url}/en/")
        assert page.locator("html").get_attribute("dir") == "ltr"

        page.click(".language-switcher a[hreflang=ar]")
        page.wait_for_url(f"{base_url}/ar/")
        assert page.locator("html").get_attribute("dir") == "rtl"
        assert page.locator("html").get_attribute("lang") == "ar"

        page.click(f"text={arabic_title}")
        page.wait_for_selector("[data-testid=add-to-basket]")
        assert page.locator("h1").inner_text() == arabic_title

        page.click("[data-testid=add-to-basket]")
        page.goto(f"{base_url}/ar/basket/")
        assert arabic_title in page.content()
        page.wait_for_load_state("networkidle")
        browser.close()
    assert_no_csp_violation(violations)
