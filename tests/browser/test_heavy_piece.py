"""In a real browser, a UK buyer never sees a 40 kg zellige table offered to the UK: its page
says why no carrier takes it and has no basket button, and the ships-to filter leaves it out.
(The basket and the checkout refusals are in tests/shipping/test_carrier_capacity.py.)"""

import os
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from tests.browser.test_storefront import CHROMIUM, CHROMIUM_ARGS
from tests.factories.catalogue import ProductFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not os.path.exists(CHROMIUM) and not os.environ.get("CI"),
        reason="Debian chromium is not installed (apt-get install chromium)",
    ),
]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_uk_buyer_never_sees_a_40_kg_table_offered_to_the_uk(live_server, craft):
    table = ProductFactory(
        title_en="Zellige table", hs_code="6907", category=craft, weight_kg=Decimal("40")
    )
    tray = ProductFactory(
        title_en="Zellige tray", hs_code="6907", category=craft, weight_kg=Decimal("20")
    )
    with translation.override("en"):
        urls = (table.get_absolute_url(), tray.get_absolute_url(), reverse("catalogue:index"))
    _browse_as_uk_buyer(live_server.url, *urls)


def _browse_as_uk_buyer(base_url, table_url, tray_url, list_url):
    """Runs with no ORM call: Playwright's event loop owns this thread meanwhile."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        context = browser.new_context(viewport={"width": 390, "height": 844})
        context.add_cookies([{"name": "country", "value": "GB", "url": base_url}])
        page = context.new_page()

        page.goto(base_url + table_url)
        body = page.locator("main").inner_text()
        assert "No carrier takes a piece of 40 kg to United Kingdom." in body
        assert "Ships to United Kingdom" not in body
        assert page.locator("[data-testid=add-to-basket]").count() == 0

        page.goto(base_url + tray_url)
        assert "Ships to United Kingdom" in page.locator("main").inner_text()

        page.goto(f"{base_url}{list_url}?ships_to=GB")
        listing = page.locator("main").inner_text()
        assert "Zellige tray" in listing and "Zellige table" not in listing
        browser.close()
