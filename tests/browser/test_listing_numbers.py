"""A seller on a 390 px phone types a decimal-comma or Arabic-digit weight: the listing keeps the
weight meant (issue 16: a French "4,2" was saved as 42 kg by the browser's number input)."""

from decimal import Decimal

import pytest
from django.conf import settings
from django.test import Client
from oscar.core.loading import get_model

from tests.factories.catalogue import RegionFactory, SellerFactory, rug_craft
from tests.factories.users import member_of
from tests.support.browser import BROWSER, CHROMIUM, CHROMIUM_ARGS

Product = get_model("catalogue", "Product")

pytestmark = BROWSER


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize(
    ("language", "weight", "price"), [("fr", "4,2", "1 250,50"), ("ar", "٤٫٢", "١٢٥٠٫٥٠")]
)
def test_a_listing_typed_on_a_phone_keeps_its_decimal_weight_and_price(
    live_server, language, weight, price
):
    seller = SellerFactory(region=RegionFactory())
    rug_craft()
    client = Client()
    client.force_login(member_of(seller))
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    url = f"{live_server.url}/{language}/my-shop/listings/new/"
    typed = _create_listing(url, session, weight, price)
    product = Product.objects.get()
    assert product.weight_kg == Decimal("4.2")
    assert product.stockrecords.get().price == Decimal("1250.50")
    assert typed == {"weight": "text", "price": "text", "keypad": "decimal"}


def _create_listing(url, session, weight, price):
    """Runs with no ORM call: Playwright's event loop owns this thread meanwhile."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True)
        context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": url}])
        page = context.new_page()
        assert page.goto(url).status == 200
        weight_input = page.locator('input[name="weight_kg"]')
        typed = {
            "weight": weight_input.get_attribute("type"),
            "price": page.locator('input[name="price"]').get_attribute("type"),
            "keypad": weight_input.get_attribute("inputmode"),
        }
        page.fill('input[name="title_fr"]', "Tapis")
        page.fill('input[name="price"]', price)
        page.fill('input[name="num_in_stock"]', "1")
        weight_input.fill(weight)
        with page.expect_navigation():
            page.locator("form.space-form > button.button[type=submit]").click()
        assert "/listings/new/" not in page.url, page.content()[:2000]
        browser.close()
    return typed
