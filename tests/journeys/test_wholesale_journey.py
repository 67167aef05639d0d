"""In Debian chromium: a Paris concept store registers with its FR VAT number and staff verify
it; it asks two cooperatives for 40 rugs and 120 tagines, both answer in their seller space,
the store accepts both, orders with a 30% deposit by bank transfer and downloads the
pro-forma; staff confirm the deposit and compute the freight; each cooperative packs its part
in cartons; the store sees the freight quote in euros and downloads the freight papers
(packing list, a commercial invoice, the export declaration data), and its order page holds
on a 390 px phone."""

import csv
import io
from decimal import Decimal

from django.conf import settings
from django.utils import timezone
from pypdf import PdfReader

from marketplace.currency.models import ExchangeRate
from tests.factories.catalogue import ProductFactory, SellerFactory
from tests.factories.freight import rate
from tests.factories.users import UserFactory, member_of
from tests.factories.wholesale import offer_on
from tests.support.browser import BROWSER_TEST, CHROMIUM, CHROMIUM_ARGS, PHONE, session_cookie
from wholesale.models import Carton, Company, WholesaleOrder

DESKTOP = {"width": 1280, "height": 900}
FR_VAT = "FR44732829320"
# What sticks out of a phone's screen, for the failure message.
OVERFLOWING_TABLES = """[...document.querySelectorAll('table')]
  .filter(table => table.getBoundingClientRect().right > innerWidth)
  .map(table => table.innerText.slice(0, 60))"""

pytestmark = BROWSER_TEST


def pdf_text(content):
    pages = PdfReader(io.BytesIO(content)).pages
    return " ".join(" ".join(page.extract_text() for page in pages).split())


def test_a_paris_concept_store_orders_from_two_cooperatives_and_gets_its_freight_papers(
    live_server, tmp_path
):
    azilal = SellerFactory(
        name="Coopérative Azilal",
        name_latin="Coop Azilal",
        ice="001234567000089",
        exporter_reference="MAREX0001",
    )
    safi = SellerFactory(
        name="Coopérative Safi",
        name_latin="Coop Safi",
        ice="002345678000012",
        exporter_reference="MAREX0002",
    )
    rugs = ProductFactory(stockrecord__seller=azilal, title_en="Azilal rug", title="Azilal rug")
    tagines = ProductFactory(
        stockrecord__seller=safi, title_en="Safi tagine", title="Safi tagine", hs_code="6912"
    )
    offer_on(rugs, tiers=((10, "2400.00"), (40, "2100.00")), minimum=10, case_pack=10)
    offer_on(tagines, tiers=((60, "180.00"), (120, "150.00")), minimum=60, case_pack=12)
    rate(country="FR", per_cubic_metre=Decimal("1200.00"), minimum_charge=Decimal("2500.00"))
    ExchangeRate.objects.update_or_create(
        currency="EUR", defaults={"rate": Decimal("0.0920"), "date": timezone.localdate()}
    )
    store = UserFactory(email="achats@concept-store.example")
    sessions = {
        "store": session_cookie(store),
        "staff": session_cookie(UserFactory(is_staff=True, is_superuser=True)),
        "azilal": session_cookie(member_of(azilal)),
        "safi": session_cookie(member_of(safi)),
    }
    urls = {"rugs": rugs.get_absolute_url(), "tagines": tagines.get_absolute_url()}

    found = _walk(live_server.url, urls, sessions, tmp_path)

    company = Company.objects.get()
    assert (company.status, company.number) == (Company.VERIFIED, FR_VAT)
    order = WholesaleOrder.objects.get()
    assert order.total == Decimal("102000.00")  # 40 x 2,100 + 120 x 150
    assert order.payments.get(kind="deposit").amount == Decimal("30600.00")
    assert order.payments.get(kind="deposit").paid_at is not None
    assert Carton.objects.count() == 4
    assert order.freight.amount == Decimal("2904.00")  # 1.92 m3 x 1,200 + 2 pallets x 300
    assert "Coop Azilal" in found["proforma"] and "Coop Safi" in found["proforma"]
    assert "4 / 4 (Coop Safi #2)" in found["packing_list"]
    assert "Commercial invoice" in found["invoice"] and "MAREX0001" in found["invoice"]
    rows = list(csv.DictReader(io.StringIO(found["declaration"])))
    assert [(row["exporter_ice"], row["quantity"]) for row in rows] == [
        ("001234567000089", "40"),
        ("002345678000012", "120"),
    ]


def _walk(base_url, urls, sessions, tmp_path):
    """Runs with no ORM call: Playwright's event loop owns this thread meanwhile."""
    from playwright.sync_api import expect, sync_playwright

    found = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )

        def page_for(who, viewport=DESKTOP, currency=None):
            context = browser.new_context(viewport=viewport, accept_downloads=True)
            cookies = [
                {"name": settings.SESSION_COOKIE_NAME, "value": sessions[who], "url": base_url}
            ]
            if currency:
                cookies.append({"name": "currency", "value": currency, "url": base_url})
            context.add_cookies(cookies)
            return context.new_page()

        def download(page, locator):
            with page.expect_download() as info:
                locator.click()
            return info.value.path().read_bytes()

        store, staff = page_for("store", currency="EUR"), page_for("staff")

        # The store registers its company; staff verify the FR VAT number.
        store.goto(base_url + "/en/wholesale/register/")
        store.fill("#id_name", "Maison Oberkampf")
        store.select_option("#id_country", "FR")
        store.select_option("#id_number_scheme", "eu_vat")
        store.fill("#id_number", FR_VAT)
        store.fill("#id_line1", "12 rue Oberkampf")
        store.fill("#id_postcode", "75011")
        store.fill("#id_city", "Paris")
        store.select_option("#id_location_country", "FR")
        store.get_by_role("button", name="Register my company").click()
        expect(store.get_by_test_id("company-status")).to_have_text("Waiting for review")

        staff.goto(base_url + "/dashboard/wholesale/companies/")
        staff.get_by_role("link", name="Maison Oberkampf").click()
        staff.check("input[name=decision][value=verified]")
        staff.get_by_role("button", name="Record the decision").click()

        # The store asks both cooperatives from the product pages.
        for key, quantity in (("rugs", "40"), ("tagines", "120")):
            store.goto(base_url + urls[key])
            store.fill("#id_wholesale_quantity", quantity)
            store.get_by_role("button", name="Add to a quote request").click()
        store.select_option("#id_incoterm", "DAP")
        wanted = (timezone.localdate() + timezone.timedelta(days=90)).isoformat()
        store.fill("#id_target_date", wanted)
        store.get_by_role("button", name="Send to the sellers").click()
        expect(store.get_by_test_id("company-status")).to_have_text("Verified")

        # Both cooperatives answer at their tier price, in 45 days.
        for who in ("azilal", "safi"):
            seller = page_for(who)
            seller.goto(base_url + "/en/my-shop/quotes/")
            seller.get_by_role("link", name="Maison Oberkampf").click()
            seller.fill("#id_lead_time_days", "45")
            seller.get_by_role("button", name="Send the answer").click()
            expect(seller.get_by_role("cell", name="Answered")).to_be_visible()
            seller.context.close()

        # The store accepts both answers and orders with a 30% deposit.
        store.goto(base_url + "/en/wholesale/company/")
        for _answer in range(2):
            store.get_by_role("button", name="Accept", exact=True).first.click()
        store.check("input[name=deposit_percent][value='30']")
        store.get_by_role("button", name="Place the order").click()
        expect(store.get_by_test_id("order-status")).to_have_text("Waiting for the deposit")
        expect(store.get_by_test_id("freight-quote")).to_contain_text("cartons")
        order_url = store.url
        found["proforma_bytes"] = download(store, store.get_by_test_id("proforma"))
        assert found["proforma_bytes"].startswith(b"%PDF")
        found["proforma"] = pdf_text(found["proforma_bytes"])

        # Staff confirm the deposit.
        staff.goto(base_url + "/dashboard/wholesale/payments/")
        staff.locator("input[name=bank_reference]").first.fill("VIR-OBERKAMPF-1")
        staff.get_by_role("button", name="Transfer received").first.click()
        expect(staff.locator("tbody tr")).to_have_count(1)  # the balance is still due

        # Each cooperative packs its part in two cartons.
        for who, per_carton in (("azilal", "20"), ("safi", "60")):
            seller = page_for(who)
            seller.goto(base_url + "/en/my-shop/wholesale-orders/")
            seller.get_by_role("link", name="WO-").click()
            for number in ("1", "2"):
                form = seller.get_by_test_id("carton-form")
                expect(form.locator("#id_number")).to_have_value(number)
                form.locator("input[name^=line_]").fill(per_carton)
                form.locator("#id_length_cm").fill("120")
                form.locator("#id_width_cm").fill("80")
                form.locator("#id_height_cm").fill("50")
                form.locator("#id_gross_kg").fill("62.5")
                form.locator("#id_net_kg").fill("60")
                form.get_by_role("button", name="Add the carton").click()
                expect(seller.get_by_test_id(f"carton-{number}")).to_be_visible()
            seller.context.close()

        # Staff compute the freight from the rates table.
        staff.goto(base_url + "/dashboard/wholesale/freight/")
        staff.get_by_role("link", name="WO-").click()
        staff.get_by_role("button", name="Compute the freight").click()
        expect(staff.get_by_test_id("freight-amount")).to_contain_text("2,904.00")

        # The store sees the freight in euros and downloads the freight papers.
        store.goto(order_url)
        expect(store.get_by_test_id("freight-quote")).to_contain_text("€")
        papers = store.get_by_test_id("freight-papers")
        expect(papers).to_be_visible()
        found["packing_list"] = pdf_text(download(store, papers.get_by_test_id("packing-list")))
        invoice = papers.get_by_role("link", name="Coop Azilal")
        found["invoice"] = pdf_text(download(store, invoice))
        found["declaration"] = download(store, papers.get_by_test_id("declaration-csv")).decode()
        papers.get_by_test_id("declaration").click()
        expect(store.get_by_test_id("declaration")).to_contain_text("002345678000012")

        # On a 390 px phone the order page and its papers fit the screen.
        phone = page_for("store", viewport=PHONE)
        phone.goto(order_url)
        expect(phone.get_by_test_id("freight-papers")).to_be_visible()
        width = phone.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], phone.evaluate(OVERFLOWING_TABLES)
        browser.close()
    return found
