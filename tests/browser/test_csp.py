"""The seller space and both back offices work in chromium under the Content-Security-Policy.

The storefront and the checkout with Stripe.js are watched by their own browser tests
(test_browser.py, test_checkout_browser.py); these visit what those do not reach.
"""

from django.conf import settings
from django.utils import translation

from tests.factories.catalogue import SellerFactory
from tests.factories.orders import order_for, product_of
from tests.factories.users import UserFactory, member_of
from tests.support.browser import BROWSER_TEST, CHROMIUM, CHROMIUM_ARGS, session_cookie
from tests.support.csp_watch import assert_no_csp_violation, watch_csp

pytestmark = BROWSER_TEST


def test_seller_space_reports_no_csp_violation(live_server):
    seller = SellerFactory()
    product = product_of(seller)
    order = order_for(product)
    paths = [
        f"/{language}/my-shop/{page}"
        for language in ("fr", "ar")
        for page in ("", "listings/", f"listings/{product.pk}/", "listings/import/", "orders/")
    ]
    paths += [f"/fr/my-shop/orders/{order.number}/", "/fr/my-shop/payouts/"]
    violations = _visit(live_server.url, session_cookie(member_of(seller)), paths)
    assert_no_csp_violation(violations)


def test_storefront_account_pages_report_no_csp_violation(live_server, home_page, product):
    with translation.override("fr"):
        product_url = product.get_absolute_url()
    paths = ["/fr/", product_url, "/fr/accounts/profile/", "/fr/accounts/profile/edit/"]
    violations = _visit(live_server.url, session_cookie(UserFactory()), paths)
    assert_no_csp_violation(violations)


def test_wagtail_page_editor_and_its_preview_report_no_csp_violation(live_server, home_page):
    editor = UserFactory(is_staff=True, is_superuser=True)
    paths = ["/cms/", "/cms/pages/", f"/cms/pages/{home_page.pk}/edit/"]
    violations = _visit(live_server.url, session_cookie(editor), paths, open_preview=True)
    assert_no_csp_violation(violations)


def test_oscar_dashboard_reports_no_csp_violation(live_server, product):
    staff = UserFactory(is_staff=True, is_superuser=True)
    order = order_for(product)
    paths = [
        "/dashboard/",
        "/dashboard/catalogue/",
        f"/dashboard/catalogue/products/{product.pk}/",
        "/dashboard/orders/",
        f"/dashboard/orders/{order.number}/",
        "/dashboard/shipping-tables/",
    ]
    violations = _visit(live_server.url, session_cookie(staff), paths)
    assert_no_csp_violation(violations)


def _visit(base_url, session, paths, open_preview=False):
    """Runs with no ORM call: Playwright's event loop owns this thread meanwhile."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": base_url}]
        )
        violations = watch_csp(context)
        page = context.new_page()
        for path in paths:
            response = page.goto(f"{base_url}{path}")
            assert response.status == 200, path
            page.wait_for_load_state("networkidle")
        if open_preview:  # the editor's preview panel frames the page (frame-ancestors)
            page.click("[data-side-panel-toggle=preview]")
            _preview_frame(page).wait_for_selector("main")
        browser.close()
    return violations


def _preview_frame(page, seconds=15):
    for _ in range(seconds * 10):
        frames = [frame for frame in page.frames if "/edit/preview/" in frame.url]
        if frames:
            return frames[0]
        page.wait_for_timeout(100)
    raise AssertionError("the preview panel did not load the page")
