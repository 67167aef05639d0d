"""In a real browser, on a phone and on a desktop, in English, French and Arabic, a UK buyer
never sees a 40 kg zellige table offered to the UK: its page says why no carrier takes it and
has no basket button, and the ships-to filter leaves it out. (The basket and the checkout
refusals are in tests/shipping/test_carrier_capacity.py.)"""

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from marketplace.core.countries import to_country
from shipping.reach import carrier_refusal
from tests.factories.catalogue import ProductFactory
from tests.support.browser import BROWSER, CHROMIUM, CHROMIUM_ARGS, PHONE

DESKTOP = {"width": 1280, "height": 900}

pytestmark = BROWSER


@pytest.mark.parametrize(
    "language, viewport",
    [("en", PHONE), ("en", DESKTOP), ("fr", PHONE), ("ar", PHONE)],
    ids=["en-390", "en-desktop", "fr-390", "ar-390"],
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_uk_buyer_never_sees_a_40_kg_table_offered_to_the_uk(
    live_server, craft, language, viewport
):
    table = ProductFactory(
        title_en="Zellige table",
        title_fr="Table en zellige",
        title_ar="طاولة زليج",
        hs_code="6907",
        category=craft,
        weight_kg=Decimal("40"),
    )
    tray = ProductFactory(
        title_en="Zellige tray",
        title_fr="Plateau en zellige",
        title_ar="صينية زليج",
        hs_code="6907",
        category=craft,
        weight_kg=Decimal("20"),
    )
    with translation.override(language):
        urls = (table.get_absolute_url(), tray.get_absolute_url(), reverse("catalogue:index"))
        words = {
            "refusal": carrier_refusal(table, "GB"),
            "ships": gettext("Ships to %(country)s") % {"country": to_country("GB")},
            "table": table.title,
            "tray": tray.title,
        }
    assert "40" in words["refusal"]
    _browse_as_uk_buyer(live_server.url, viewport, words, *urls)


def _browse_as_uk_buyer(base_url, viewport, words, table_url, tray_url, list_url):
    """Runs with no ORM call: Playwright's event loop owns this thread meanwhile."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        context = browser.new_context(viewport=viewport)
        context.add_cookies([{"name": "country", "value": "GB", "url": base_url}])
        page = context.new_page()

        page.goto(base_url + table_url)
        body = page.locator("main").inner_text()
        assert words["refusal"] in body
        assert words["ships"] not in body.splitlines()  # Arabic "does not ship" holds the words
        assert page.locator("[data-testid=add-to-basket]").count() == 0

        page.goto(base_url + tray_url)
        assert words["ships"] in page.locator("main").inner_text().splitlines()

        page.goto(f"{base_url}{list_url}?ships_to=GB")
        listing = page.locator("main").inner_text()
        assert words["tray"] in listing and words["table"] not in listing
        browser.close()
