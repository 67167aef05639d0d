"""On a 390 px phone in Debian chromium: a buyer's bank disputes a payment
(``charge.dispute.created``, posted signed to the real webhook endpoint); the seller finds the
dispute in its seller space, its payout frozen, sends its evidence with a photo and the
parcel's tracking; the Stripe stand-in shows the evidence submitted; the dispute is then won
(``charge.dispute.closed``) and the payouts page no longer shows a frozen amount."""

import datetime
import io
import urllib.request

from django.conf import settings
from django.utils import timezone
from PIL import Image

from marketplace.payments.models import Dispute, DisputeEvidence
from sellers.fulfilment.models import Parcel
from sellers.payouts.models import LedgerEntry
from tests.factories.catalogue import SellerFactory
from tests.factories.disputes import INTENT, paid_order
from tests.factories.shipping import ServiceFactory
from tests.factories.users import member_of
from tests.support.browser import BROWSER_TEST, CHROMIUM, CHROMIUM_ARGS, PHONE, session_cookie
from tests.support.payments import signed_event
from tests.support.stripe_disputes import dispute_event, stripe_dispute

TRACKING = "EE123456789MA"

pytestmark = BROWSER_TEST


def _photo(tmp_path):
    path = tmp_path / "packed-tagine.jpg"
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (166, 63, 39)).save(buffer, format="JPEG")
    path.write_bytes(buffer.getvalue())
    return path


def _post_event(base_url, payload):
    """``payload`` signed as Stripe signs it, to the webhook endpoint over HTTP."""
    body, signature = signed_event(payload, settings.STRIPE_WEBHOOK_SECRET)
    request = urllib.request.Request(
        base_url + "/payments/stripe/webhook/",
        data=body.encode(),
        headers={"Content-Type": "application/json", "Stripe-Signature": signature},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.status == 200


def test_a_seller_answers_a_dispute_and_its_payout_is_unfrozen_when_won(
    live_server, stripe_stand_in, tmp_path
):
    seller = SellerFactory(name="Poterie de Safi", city="Safi", preferred_language="fr")
    user = member_of(seller)
    order = paid_order((seller, "1200.00"))
    Parcel.objects.create(
        order=order,
        partner=seller,
        status=Parcel.Status.DELIVERED,
        service=ServiceFactory(carrier__name="Amana"),
        tracking_number=TRACKING,
        shipped_at=timezone.now() - datetime.timedelta(days=9),
    )
    stripe_stand_in.disputes["du_journey"] = stripe_dispute(
        "du_journey", INTENT, "needs_response", amount=11100, reason="product_not_received"
    )

    _walk(live_server.url, session_cookie(user), _photo(tmp_path), stripe_stand_in, order.number)

    dispute = Dispute.objects.get(order=order)
    assert dispute.status == "won" and dispute.settled_at is not None
    evidence = DisputeEvidence.objects.get(dispute=dispute)
    assert evidence.tracking_number == TRACKING
    assert evidence.files.get().field == "uncategorized_file"
    credit = LedgerEntry.objects.get(kind=LedgerEntry.Kind.CREDIT)
    assert credit.frozen_by == dispute  # kept as its history; the dispute is settled


def _walk(base_url, session, photo, stand_in, number):
    """Runs with no ORM call: Playwright's event loop owns this thread meanwhile."""
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        context = browser.new_context(viewport=PHONE)
        context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": base_url}]
        )
        seller = context.new_page()

        _post_event(base_url, dispute_event("evt_dj1", "charge.dispute.created", "du_journey"))

        seller.goto(base_url + "/en/my-shop/payouts/")
        expect(seller.get_by_test_id("frozen")).to_contain_text("MAD")
        seller.goto(base_url + "/en/my-shop/disputes/")
        disputes = seller.get_by_test_id("disputes")
        expect(disputes).to_contain_text(number)
        disputes.get_by_role("link", name=number).click()

        form = seller.get_by_test_id("evidence-form")
        expect(seller.locator("#id_tracking_number")).to_have_value(TRACKING)
        seller.fill("#id_tracking_number", TRACKING)
        seller.set_input_files("#id_photo", str(photo))
        seller.fill(
            "#id_explanation",
            "Wrapped in straw and double cardboard; Amana delivered it on the 28th.",
        )
        form.locator("button[type=submit]").click()
        expect(seller.get_by_test_id("evidence-sent")).to_contain_text(TRACKING)
        assert seller.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

        remote = stand_in.disputes["du_journey"]
        assert remote["status"] == "under_review"
        assert remote["evidence"]["shipping_tracking_number"] == TRACKING
        assert remote["evidence"]["uncategorized_file"].startswith("file_")

        remote["status"] = "won"
        _post_event(base_url, dispute_event("evt_dj2", "charge.dispute.closed", "du_journey"))

        seller.goto(base_url + "/en/my-shop/payouts/")
        expect(seller.get_by_test_id("frozen")).to_have_count(0)
        assert seller.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        browser.close()
