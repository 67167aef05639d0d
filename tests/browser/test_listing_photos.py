"""On a 390×844 phone, in Arabic and in French, a seller creates a listing from the camera roll:
three photos from one pick (sent with an upload progress bar), the craft's materials only, a
decimal-comma or Arabic-digit weight; then makes the last photo the main one. The listing keeps
the weight meant and its photos in the order chosen, and no page is wider than the screen."""

import io
from decimal import Decimal

import pytest
from django.conf import settings
from django.test import Client
from oscar.core.loading import get_model
from PIL import Image

from tests.factories.catalogue import (
    CategoryFactory,
    MaterialFactory,
    RegionFactory,
    SellerFactory,
    rug_craft,
)
from tests.factories.users import member_of
from tests.support.browser import BROWSER, CHROMIUM, CHROMIUM_ARGS

Product = get_model("catalogue", "Product")

pytestmark = BROWSER

WIDTHS = (41, 42, 43)
# Notes in the tab's session storage (kept across the navigation) that the bar was shown.
WATCH_PROGRESS = """
const box = document.querySelector('[data-progress]');
new MutationObserver(() => {
  if (!box.hidden) sessionStorage.setItem('progress-shown', '1');
}).observe(box, {attributes: true});
"""


def write_photos(folder):
    paths = []
    for width in WIDTHS:
        path = folder / f"camera-{width}.jpg"
        Image.new("RGB", (width, 30), (166, 63, 39)).save(path, format="JPEG")
        paths.append(str(path))
    return paths


def stored_widths(product):
    widths = []
    for image in product.images.order_by("display_order"):
        with image.original.open("rb") as handle:
            widths.append(Image.open(io.BytesIO(handle.read())).width)
    return widths


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize(("language", "weight"), [("fr", "4,2"), ("ar", "٤٫٢")])
def test_a_listing_from_three_photos_picked_at_once_on_a_phone(
    live_server, tmp_path, settings, language, weight
):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    wool, clay = MaterialFactory(), MaterialFactory(code="clay", name_en="Clay")
    rugs = rug_craft()
    rugs.materials.set([wool])
    ceramics = CategoryFactory(name_en="Ceramics", slug="ceramics", code="ceramics")
    ceramics.materials.set([clay])
    seller = SellerFactory(region=RegionFactory())
    seller.craft_branches.set([rugs])
    client = Client()
    client.force_login(member_of(seller))
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    url = f"{live_server.url}/{language}/my-shop/listings/new/"
    ids = {"wool": wool.pk, "clay": clay.pk, "ceramics": ceramics.pk}
    seen = _create_listing(url, session, weight, write_photos(tmp_path), ids)
    product = Product.objects.get()
    assert product.weight_kg == Decimal("4.2")
    assert list(product.materials.all()) == [wool]
    assert stored_widths(product) == [43, 41, 42]
    assert seen["clay shown for rugs"] is False
    assert seen["clay shown for ceramics"] is True
    assert seen["progress shown"] is True
    assert len(seen["sent by script"]) == 1
    assert max(seen["widths"].values()) <= 390, seen["widths"]


def _create_listing(url, session, weight, photos, ids):
    """Runs with no ORM call: Playwright's event loop owns this thread meanwhile."""
    from playwright.sync_api import sync_playwright

    seen = {"widths": {}}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True)
        site = url.split("/", 3)[:3]
        cookie = {"name": settings.SESSION_COOKIE_NAME, "value": session, "url": "/".join(site)}
        context.add_cookies([cookie])
        page = context.new_page()
        errors = []
        page.on("console", lambda message: message.type == "error" and errors.append(message.text))
        sent_by_script = []
        page.on(
            "request",
            lambda request: (
                request.method == "POST"
                and request.headers.get("x-requested-with") == "XMLHttpRequest"
                and sent_by_script.append(request.url)
            ),
        )
        assert page.goto(url).status == 200
        picker = page.locator("label.space-file-button")
        assert picker.bounding_box()["height"] >= 44
        page.set_input_files('input[name="photos"]', photos)
        assert page.locator("[data-picked] span").count() == 3
        clay = page.locator(f'[data-vocabulary="materials"] [data-choice="{ids["clay"]}"]')
        seen["clay shown for rugs"] = clay.is_visible()
        craft = page.locator('select[name="craft"]')
        rugs = craft.input_value()
        craft.select_option(str(ids["ceramics"]))
        seen["clay shown for ceramics"] = clay.is_visible()
        craft.select_option(rugs)
        page.check(f'input[name="materials"][value="{ids["wool"]}"]')
        page.fill('input[name="title_fr"]', "Tapis Azilal")
        page.fill('input[name="price"]', "1250")
        page.fill('input[name="num_in_stock"]', "1")
        page.fill('input[name="weight_kg"]', weight)
        seen["widths"]["new listing"] = page.evaluate("document.documentElement.scrollWidth")
        page.evaluate(WATCH_PROGRESS)
        with page.expect_navigation(url="**/photos/"):
            page.locator("form.space-form > button.button[type=submit]").click()
        seen["progress shown"] = page.evaluate("sessionStorage.getItem('progress-shown')") == "1"
        seen["sent by script"] = sent_by_script
        seen["widths"]["photos"] = page.evaluate("document.documentElement.scrollWidth")
        assert page.locator("[data-photo]").count() == 3
        with page.expect_navigation():
            page.locator("[data-photo]").nth(2).locator("form[action$='/main/'] button").click()
        seen["widths"]["after reorder"] = page.evaluate("document.documentElement.scrollWidth")
        assert not [error for error in errors if "Content Security Policy" in error], errors
        browser.close()
    return seen
