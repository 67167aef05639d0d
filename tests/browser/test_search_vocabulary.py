"""In a real browser, on a phone and on a desktop, in English, French and Arabic, a buyer who
types "tajine" in the header search finds the tagines, and one who types it in Arabic script
finds them too (the search vocabulary, ``catalog.search.synonyms``; per-language cases are in
tests/catalog/test_search_synonyms.py)."""

import pytest

from tests.factories.catalogue import ProductFactory
from tests.support.browser import BROWSER, CHROMIUM, CHROMIUM_ARGS, PHONE

DESKTOP = {"width": 1280, "height": 900}
TAGINES = {
    "en": ("Painted terracotta tagine", "Glazed tagine", "Brass lantern"),
    "fr": ("Tagine en terre cuite peinte", "Tagine émaillé", "Lanterne en laiton"),
    "ar": ("طاجين فخاري مرسوم", "طاجين مزجج", "فانوس نحاسي"),
}

pytestmark = BROWSER


@pytest.mark.parametrize(
    "language, viewport",
    [("en", DESKTOP), ("en", PHONE), ("fr", PHONE), ("ar", PHONE)],
    ids=["en-desktop", "en-390", "fr-390", "ar-390"],
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_typing_tajine_finds_the_tagines(live_server, craft, language, viewport):
    for number, title in enumerate(TAGINES["en"]):
        ProductFactory(
            title_en=title,
            title=title,
            title_fr=TAGINES["fr"][number],
            title_ar=TAGINES["ar"][number],
            category=craft,
        )
    _search(live_server.url, language, viewport, *TAGINES[language])


def _search(base_url, language, viewport, painted, glazed, lantern):
    """Runs with no ORM call: Playwright's event loop owns this thread meanwhile."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        page = browser.new_page(viewport=viewport)
        for query in ("tajine", "طاجين"):
            page.goto(f"{base_url}/{language}/catalogue/")
            page.fill("#site-search", query)
            page.press("#site-search", "Enter")
            page.wait_for_url("**/search/**")
            listing = page.locator("main").inner_text()
            assert painted in listing, query
            assert glazed in listing, query
            assert lantern not in listing, query
        browser.close()
