"""In a real browser, a buyer who types "tajine" in the header search finds the tagines, and
one who types it in Arabic script finds them too (the search vocabulary,
``catalog.search.synonyms``; per-language cases are in tests/catalog/test_search_synonyms.py)."""

import os

import pytest

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
def test_typing_tajine_finds_the_tagines(live_server, craft):
    for title in ("Painted terracotta tagine", "Glazed tagine", "Brass lantern"):
        ProductFactory(title_en=title, title=title, category=craft)
    _search(live_server.url)


def _search(base_url):
    """Runs with no ORM call: Playwright's event loop owns this thread meanwhile."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        page = browser.new_page()
        for query in ("tajine", "طاجين"):
            page.goto(base_url + "/en/catalogue/")
            page.fill("#site-search", query)
            page.press("#site-search", "Enter")
            page.wait_for_url("**/search/**")
            listing = page.locator("main").inner_text()
            assert "Painted terracotta tagine" in listing, query
            assert "Glazed tagine" in listing, query
            assert "Brass lantern" not in listing, query
        browser.close()
