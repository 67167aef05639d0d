"""A seller on a 390 px phone, in Arabic and in French, downloads the CSV template from the import
page, sends it back as served with a ZIP of photos named by its SKU, watches the progress bar
finish and reads the report (issue 16); the job page's script follows a job run elsewhere."""

import csv
import io
import threading
import zipfile
from decimal import Decimal

import pytest
from django.conf import settings
from django.db import connection
from oscar.core.loading import get_model

from sellers.space.import_jobs import run_job
from sellers.space.models import ImportJob
from tests.factories.catalogue import (
    CategoryFactory,
    MaterialFactory,
    RegionFactory,
    SellerFactory,
    TechniqueFactory,
)
from tests.factories.uploads import image_bytes
from tests.factories.users import member_of
from tests.support.browser import BROWSER_TEST, CHROMIUM, CHROMIUM_ARGS, session_cookie
from tests.support.csp_watch import watch_csp

StockRecord = get_model("partner", "StockRecord")

pytestmark = BROWSER_TEST


@pytest.fixture
def seller():
    seller = SellerFactory(region=RegionFactory())
    seller.craft_branches.add(CategoryFactory(name_en="Pottery", code="pottery", hs_heading="6912"))
    MaterialFactory(code="clay", name_en="Clay")
    TechniqueFactory(code="wheel-throwing", name_en="Wheel throwing")
    return seller


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_the_served_template_and_a_zip_of_photos_import_on_a_phone(
    live_server, seller, language, tmp_path
):
    url = f"{live_server.url}/{language}/my-shop/listings/import/"
    seen = _import_template_with_photos(url, session_cookie(member_of(seller)), tmp_path)
    record = StockRecord.objects.get(partner=seller)
    product = record.product
    assert seen["sku"] == record.partner_sku == "EXAMPLE-1"
    assert (record.price, record.num_in_stock) == (Decimal("450.00"), 1)
    assert (product.weight_kg, product.hs_code) == (Decimal("1.5"), "6912")
    assert [c.code for c in product.categories.all()] == ["pottery"]
    images = list(product.images.order_by("display_order"))
    assert [image.original.width for image in images] == [30, 60]
    assert all("EXAMPLE" not in image.original.name for image in images)
    job = ImportJob.objects.get()
    assert (job.state, job.language, job.rows_done) == ("done", language, 1)
    assert seen["progress"] == "100"
    assert seen["report"] == [("2", "EXAMPLE-1")]
    assert seen["width"] <= 390
    assert seen["csp"] == []


def _import_template_with_photos(url, session, tmp_path):
    """Runs with no ORM call: Playwright's event loop owns this thread meanwhile."""
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        context = browser.new_context(
            viewport={"width": 390, "height": 844}, has_touch=True, accept_downloads=True
        )
        context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": url}])
        violations = watch_csp(context)
        page = context.new_page()
        assert page.goto(url).status == 200
        with page.expect_download() as download:
            page.locator('a[href$="/listings/import/template.csv"]').click()
        template = tmp_path / "template.csv"
        download.value.save_as(template)
        sku = next(csv.DictReader(io.StringIO(template.read_text("utf-8-sig"))))["sku"]
        photos = tmp_path / "photos.zip"
        with zipfile.ZipFile(photos, "w") as archive:
            archive.writestr(f"{sku}-2.jpg", image_bytes(size=(60, 20)))
            archive.writestr(f"{sku}.jpg", image_bytes(size=(30, 20)))
        page.set_input_files('input[name="file"]', str(template))
        page.set_input_files('input[name="photos"]', str(photos))
        with page.expect_navigation():
            page.locator("form.space-form button[type=submit]").click()
        bar = page.get_by_role("progressbar")
        expect(bar).to_have_attribute("aria-valuenow", "100", timeout=20_000)
        expect(page.locator("table.import-rows")).to_be_visible()
        seen = {
            "sku": sku,
            "progress": bar.get_attribute("aria-valuenow"),
            "report": [
                (row.locator("td").nth(0).inner_text(), row.locator("td").nth(1).inner_text())
                for row in page.locator("table.import-rows tbody tr").all()
            ],
            "width": page.evaluate("document.documentElement.scrollWidth"),
            "csp": list(violations),
        }
        browser.close()
    return seen


def test_the_job_page_follows_a_job_run_elsewhere_and_shows_its_report(live_server, seller):
    job = ImportJob.objects.create(
        seller=seller,
        language="fr",
        csv_text="sku,title_fr,craft,price_mad,stock,weight_kg\nV1,Vase,pottery,300,2,1.2\n",
        rows_total=1,
    )
    url = f"{live_server.url}/fr/my-shop/listings/import/{job.pk}/"
    seen = _watch_job(url, session_cookie(member_of(seller)), job.pk)
    assert seen == {"before": "0", "after": "100", "report": "V1", "csp": []}
    assert StockRecord.objects.get(partner=seller).partner_sku == "V1"


def _run_elsewhere(job_id):
    try:
        run_job(job_id)
    finally:
        connection.close()


def _watch_job(url, session, job_id):
    """The job runs in another thread (a worker) while the page polls its status."""
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True)
        context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": url}])
        violations = watch_csp(context)
        page = context.new_page()
        assert page.goto(url).status == 200
        bar = page.get_by_role("progressbar")
        before = bar.get_attribute("aria-valuenow")
        worker = threading.Thread(target=_run_elsewhere, args=[job_id])
        worker.start()
        worker.join(30)
        expect(page.locator("table.import-rows")).to_be_visible(timeout=20_000)
        seen = {
            "before": before,
            "after": page.get_by_role("progressbar").get_attribute("aria-valuenow"),
            "report": page.locator("table.import-rows tbody td code").first.inner_text(),
            "csp": list(violations),
        }
        browser.close()
    return seen
