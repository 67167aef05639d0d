"""On a 390 px phone in Debian chromium: a guest buyer asks, through the signed order link, to
return a tagine that arrived broken, with a photo; the seller accepts; the buyer enters the
return tracking; the seller confirms the receipt; the refund shows in euros on the buyer's
order page and as a debit in the seller's ledger."""

import io
from decimal import Decimal

from django.conf import settings
from django.test import Client
from django.utils import timezone
from oscar.test.factories import UserFactory
from PIL import Image

from marketplace.payments.models import PaymentRefund
from sellers.payouts.models import LedgerEntry
from sellers.payouts.services import credit_shipped_line
from sellers.returns.models import ReturnRequest
from tests.factories.catalogue import SellerFactory
from tests.factories.checkout import paid_order
from tests.factories.returns import deliver, guest_url
from tests.support.browser import BROWSER_TEST, CHROMIUM, CHROMIUM_ARGS, PHONE, session_cookie

pytestmark = BROWSER_TEST


def _photo(tmp_path):
    path = tmp_path / "broken-tagine.jpg"
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (166, 63, 39)).save(buffer, format="JPEG")
    path.write_bytes(buffer.getvalue())
    return path


def test_a_broken_tagine_is_returned_and_refunded_in_euros(live_server, stripe_api, tmp_path):
    seller_user = UserFactory(email="safi@example.com")
    seller = SellerFactory(name="Poterie de Safi", city="Safi")
    seller.users.add(seller_user)
    buyer = Client()
    buyer.cookies["currency"] = "EUR"
    order = paid_order(buyer, prices=("850.00", "240.00"), sellers=[seller, seller])
    tagine = order.lines.get(line_price_incl_tax=Decimal("850.00"))
    tagine.title = "Tajine de Safi"
    tagine.save()
    deliver(order, timezone.now())
    for line in order.lines.all():
        credit_shipped_line(line)
    urls = {
        "new": guest_url(order),
        "status_form": f"/en/accounts/order-status-form/{order.number}/"
        f"{order.verification_hash()}/",
    }
    email = order.email

    _walk(live_server.url, urls, email, session_cookie(seller_user), _photo(tmp_path))

    request = ReturnRequest.objects.get()
    assert request.status == ReturnRequest.Status.REFUNDED
    assert [row.line_id for row in request.lines.all()] == [tagine.pk]
    assert request.photos.count() == 1
    (refund,) = PaymentRefund.objects.all()
    assert (refund.line_id, refund.currency) == (tagine.pk, "EUR")
    debit = LedgerEntry.objects.get(kind=LedgerEntry.Kind.REFUND)
    assert debit.gross == Decimal("-850.00")


def _walk(base_url, urls, email, seller_session, photo):
    """Runs with no ORM call: Playwright's event loop owns this thread meanwhile."""
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        buyer = browser.new_context(viewport=PHONE).new_page()
        seller_context = browser.new_context(viewport=PHONE)
        seller_context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": seller_session, "url": base_url}]
        )
        seller = seller_context.new_page()

        buyer.goto(base_url + urls["new"])
        buyer.get_by_label("Tajine de Safi").check()
        buyer.select_option("#id_reason", "damaged")
        buyer.fill("#id_details", "The lid arrived in three pieces.")
        buyer.set_input_files("#id_photos", str(photo))
        buyer.check("input[name=outcome][value=refund]")
        buyer.click("form.return-form button[type=submit]")
        expect(buyer.get_by_test_id("return-status")).to_have_text("Requested")
        assert buyer.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        return_page = buyer.url

        seller.goto(base_url + "/en/my-shop/returns/")
        seller.get_by_test_id("returns").get_by_role("link").first.click()
        seller.get_by_test_id("accept-form").get_by_role("button").click()
        expect(seller.get_by_test_id("return-status")).to_have_text("Accepted")

        buyer.goto(return_page)
        expect(buyer.get_by_test_id("return-label")).to_contain_text("Poterie de Safi")
        buyer.select_option("#id_ship-carrier", "dhl")
        buyer.fill("#id_ship-tracking_number", "JD0146000099")
        buyer.get_by_test_id("ship-form").get_by_role("button").click()
        expect(buyer.get_by_test_id("return-status")).to_have_text("Sent back")

        seller.reload()
        seller.get_by_test_id("receive-form").get_by_role("button").click()
        seller.locator("[data-testid=confirm] button[type=submit]").click()
        expect(seller.get_by_test_id("return-status")).to_have_text("Refunded")

        buyer.goto(base_url + urls["status_form"])
        buyer.fill("input[name=email]", email)
        buyer.locator("#content_inner form button[type=submit]").first.click()
        refund = buyer.get_by_test_id("order-return-refund")
        expect(refund).to_contain_text("€")
        assert buyer.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

        seller.goto(base_url + "/en/my-shop/payouts/")
        expect(seller.locator(".space-entries")).to_contain_text("Refund")
        expect(seller.locator(".space-entries")).to_contain_text("-850.00")
        browser.close()
