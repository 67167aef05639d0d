"""On a 390 px phone, in Arabic and in French, the list pages open their filters from a
"Filter" button at the top (no script: the button's target shows them), and a filter applied
brings the results back to the first screen. On a desktop the filters stay beside the list."""

import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories.catalogue import ProductFactory, RegionFactory
from tests.support.browser import BROWSER_TEST, CHROMIUM, CHROMIUM_ARGS, PHONE

DESKTOP = {"width": 1280, "height": 900}

pytestmark = BROWSER_TEST


@pytest.fixture
def shelf(live_server, craft):
    """A full page of rugs from Marrakesh-Safi and three lanterns from Fez-Meknes."""
    fes = RegionFactory(code="fes-meknes", name_en="Fez-Meknes", name_fr="Fès-Meknès")
    for number in range(24):
        ProductFactory(title_en=f"Rug {number}", category=craft)
    for number in range(3):
        ProductFactory(title_en=f"Lantern {number}", category=craft, region=fes)
    return live_server.url


def list_url(language):
    with translation.override(language):
        return reverse("catalogue:index")


def in_first_screen(locator, height):
    """The whole of ``locator`` is on the first screen."""
    box = locator.bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= height


def starts_on_first_screen(locator, height):
    """At least the top 120 px of ``locator`` are on the first screen."""
    box = locator.bounding_box()
    return box is not None and 0 <= box["y"] <= height - 120


def browse(base_url, viewport, visit):
    """Runs with no ORM call: Playwright's event loop owns this thread meanwhile."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        context = browser.new_context(viewport=viewport, java_script_enabled=False)
        try:
            return visit(context.new_page())
        finally:
            browser.close()


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_a_phone_opens_the_filters_from_the_top_and_gets_its_results_at_once(shelf, language):
    url = list_url(language)

    def visit(page):
        seen = {}
        page.goto(shelf + url)
        button = page.locator("[data-testid=filter-button]")
        seen["button on first screen"] = in_first_screen(button, PHONE["height"])
        seen["filters before"] = page.locator("#filters").is_visible()
        button.click()
        seen["filters opened"] = page.locator("#filters").is_visible()
        seen["show results"] = page.locator("[data-testid=show-results]").inner_text()
        page.locator("#filters a[href*='region=fes-meknes']").click()
        page.wait_for_load_state()
        seen["filters after"] = page.locator("#filters").is_visible()
        first_card = page.locator(".product-grid li").first
        seen["card on first screen"] = starts_on_first_screen(first_card, PHONE["height"])
        seen["cards"] = page.locator(".product-grid li").count()
        seen["active"] = page.locator("[data-testid=active-filters]").inner_text()
        page.locator("[data-testid=filter-button]").click()
        page.locator("[data-testid=show-results]").click()
        seen["closed by show results"] = not page.locator("#filters").is_visible()
        return seen

    seen = browse(shelf, PHONE, visit)
    assert seen["button on first screen"]
    assert not seen["filters before"] and seen["filters opened"]
    assert "27" in seen["show results"]
    assert not seen["filters after"]
    assert seen["card on first screen"] and seen["cards"] == 3
    assert seen["active"].startswith("1")
    assert seen["closed by show results"]


def test_a_desktop_shows_the_filters_beside_the_list_without_a_button(shelf):
    url = list_url("fr")

    def visit(page):
        page.goto(shelf + url)
        filters = page.locator("#filters").bounding_box()
        results = page.locator("#results").bounding_box()
        return (
            page.locator("[data-testid=filter-button]").is_visible(),
            page.locator("[data-testid=show-results]").is_visible(),
            filters["y"] == results["y"] and filters["x"] < results["x"],
        )

    assert browse(shelf, DESKTOP, visit) == (False, False, True)
