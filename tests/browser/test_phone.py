"""Phone-width layout checks that only a real browser can make (Debian chromium, Playwright)."""

import pytest
from django.conf import settings
from django.test import Client

from tests.factories.sellers import ArtisanFactory
from tests.factories.users import curator
from tests.support.browser import BROWSER, CHROMIUM, CHROMIUM_ARGS
from tests.support.csp_watch import assert_no_csp_violation, watch_csp

pytestmark = BROWSER


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("language", ["fr", "ar"])
def test_curator_review_page_fits_a_phone(live_server, language):
    seller = ArtisanFactory(status="pending", name="Coopérative Tilila Ouarzazate")
    client = Client()
    client.force_login(curator())
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    url = f"{live_server.url}/{language}/curation/sellers/{seller.pk}/"
    assert _page_width(url, session) == 390


def _page_width(url, session):
    """Runs with no ORM call: Playwright's event loop owns this thread meanwhile."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        context = browser.new_context(viewport={"width": 390, "height": 844})
        context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": url}])
        violations = watch_csp(context)
        page = context.new_page()
        response = page.goto(url)
        assert response.status == 200
        width = page.evaluate("document.documentElement.scrollWidth")
        page.wait_for_load_state("networkidle")
        browser.close()
    assert_no_csp_violation(violations)
    return width
