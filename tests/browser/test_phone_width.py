"""Every page of the seller space, of the curation space and of the seller application fits a
390 px phone (390×844), in Arabic and in French: ``document.documentElement.scrollWidth`` is at
most 390 on each."""

import datetime
import json
import os
from decimal import Decimal

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from oscar.core.loading import get_model

from marketplace.payments.models import CheckoutPayment, Dispute
from sellers.fulfilment.parcels import parcel_for
from sellers.payouts.services import credit_delivered_line
from sellers.returns.models import ReturnEvent, ReturnLine, ReturnRequest
from sellers.space.models import ImportJob
from sellers.space.services import add_photo
from tests.factories.compliance import CertificateFactory
from tests.factories.disputes import paid_order
from tests.factories.orders import order_for, product_of
from tests.factories.sellers import ArtisanFactory
from tests.factories.uploads import image_upload
from tests.factories.users import UserFactory, curator, member_of
from tests.factories.wholesale import company_member, offer_on
from tests.support.browser import BROWSER, CHROMIUM, CHROMIUM_ARGS, PHONE
from wholesale.quote_messages import post_message
from wholesale.quotes import ask_quote

pytestmark = BROWSER

ApplicationProgress = get_model("partner", "ApplicationProgress")

LONG_LATIN = "Coopérative féminine de tissage Tilila Ouarzazate"
LONG_ARABIC = "تعاونية تيليلا النسائية للنسيج ورزازات"


def _seller_with_a_year_of_business():
    """A weaving cooperative with listings, an order at each step, payouts and certificates."""
    seller = ArtisanFactory(
        kind="cooperative",
        name=LONG_ARABIC,
        name_arabic=LONG_ARABIC,
        name_latin=LONG_LATIN,
        legal_name=LONG_LATIN,
    )
    rug = product_of(
        seller, image=False, title_en="Azilal rug, hand-knotted wool, natural dyes, 240 × 160 cm"
    )
    lantern = product_of(seller, title_en="Chiselled brass lantern with coloured glass")
    order = order_for(rug, lantern)
    for line in order.lines.all():
        line.line_price_incl_tax = line.line_price_excl_tax = Decimal("123456.78")
        line.save()
        credit_delivered_line(line)
    parcel = parcel_for(order, seller)
    add_photo(rug, image_upload())
    CertificateFactory(
        partner=seller,
        products=[rug],
        verified_at=None,
        lab="Laboratoire Public d'Essais et d'Études (LPEE), Casablanca",
    )
    CertificateFactory(partner=seller, products=[rug, lantern])
    return seller, rug, order, parcel


def _finished_import(seller, product):
    """An import's report with long SKUs, file names and reasons."""
    job = ImportJob.objects.create(
        seller=seller, language="ar", csv_text="", rows_total=2, rows_done=2, state="done"
    )
    sku = "AZILAL-HAND-KNOTTED-240x160-NATURAL-DYES"
    job.rows.create(line=2, sku=sku, outcome="updated", product=product)
    job.rows.create(line=3, sku=sku + "-B", outcome="refused", reason="price_mad: " + "x" * 120)
    job.photo_files.create(name=f"photos/2026/{sku}-12.jpeg", sku=sku, outcome="added")
    return job


def _a_return(order, seller):
    """An escalated return of the order's first line, with the seller's answer and the
    buyer's escalation in its history."""
    returned = ReturnRequest.objects.create(
        order=order,
        seller=seller,
        reason="damaged",
        details="Le couvercle est arrivé en trois morceaux.",
        buyer_language="fr",
        respond_by=timezone.now(),
        status=ReturnRequest.Status.ESCALATED,
        escalated_at=timezone.now(),
    )
    ReturnLine.objects.create(request=returned, line=order.lines.first())
    for before, after, role in (
        ("", "requested", "buyer"),
        ("requested", "refused", "seller"),
        ("refused", "escalated", "buyer"),
    ):
        ReturnEvent.objects.create(
            request=returned, from_status=before, to_status=after, role=role, note=LONG_LATIN
        )
    return returned


def _a_quote_and_a_dispute(seller, product):
    """A shop's quote to the seller with a long message, and an open dispute on a paid order."""
    offer_on(product)
    buyer = company_member(name=LONG_LATIN)
    location = buyer.company_contact.company.locations.get()
    wanted = timezone.localdate() + datetime.timedelta(days=30)
    request = ask_quote(buyer, location, "DAP", wanted, [(product.stockrecords.get(), 12)])
    quote = request.quotes.get()
    post_message(quote.pk, buyer, LONG_LATIN + " " + "x" * 60)
    disputed = paid_order((seller, "4321.00"))
    dispute = Dispute.objects.create(
        stripe_id="du_width",
        payment=CheckoutPayment.objects.get(order=disputed),
        order=disputed,
        amount=Decimal("399.69"),
        currency="EUR",
        amount_mad=Decimal("4321.00"),
        reason="product_not_received",
        status="needs_response",
        evidence_due_by=timezone.now() + datetime.timedelta(days=7),
    )
    return quote, dispute


def _urls(seller, product, order, parcel, pending_seller, certificate, returned):
    photo = product.images.get()
    seller_urls = [
        reverse("seller_space:home"),
        reverse("seller_space:profile"),
        reverse("seller_space:listings"),
        reverse("seller_space:listing-create"),
        reverse("seller_space:listing-edit", args=[product.pk]),
        reverse("seller_space:photos", args=[product.pk]),
        reverse("seller_space:photo-action", args=[product.pk, photo.pk, "delete"]),
        reverse("seller_space:import"),
        reverse("seller_space:orders"),
        reverse("seller_space:order", args=[order.number]),
        reverse("seller_space:payouts"),
        reverse("seller_space:returns"),
        reverse("seller_space:return", args=[returned.pk]),
        reverse("seller_space:return-policy"),
        reverse("seller_space:wholesale", args=[product.pk]),
        reverse("seller_space:quotes"),
        reverse("seller_space:disputes"),
        reverse("fulfilment:parcels"),
        reverse("fulfilment:parcel", args=[parcel.pk]),
        reverse("fulfilment:parcel-dispatch", args=[parcel.pk]),
        reverse("certificates:seller", args=[seller.pk]),
        reverse("certificates:profiles", args=[seller.pk]),
    ]
    curator_urls = [
        reverse("curation:todo"),
        reverse("curation:queue"),
        reverse("curation:queue") + "?status=verified",
        reverse("curation:review", args=[pending_seller.pk]),
        reverse("curation:review", args=[seller.pk]),
        reverse("certificates:seller", args=[seller.pk]),
        reverse("certificates:verify", args=[certificate.pk]),
        reverse("fulfilment:parcel", args=[parcel.pk]),
        reverse("curation:returns"),
        reverse("curation:return", args=[returned.pk]),
    ]
    return seller_urls, curator_urls


def _application_steps():
    """Every step of a cooperative's application half-filled with long names."""
    from sellers.apply.steps import STEPS

    applicant = UserFactory()
    ApplicationProgress.objects.create(
        user=applicant,
        kind="cooperative",
        values={"name_latin": LONG_LATIN, "name_arabic": LONG_ARABIC, "legal_name": LONG_LATIN},
    )
    urls = [reverse("sell:apply-step", args=[step.slug]) for step in STEPS]
    return applicant, urls


def _session(user):
    client = Client()
    client.force_login(user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("language", ["ar", "fr"])
def test_every_seller_and_curation_page_fits_a_390px_phone(live_server, language):
    seller, product, order, parcel = _seller_with_a_year_of_business()
    pending = ArtisanFactory(status="pending", name=LONG_ARABIC, name_latin=LONG_LATIN)
    certificate = seller.certificates.filter(verified_at=None).get()
    job = _finished_import(seller, product)
    quote, dispute = _a_quote_and_a_dispute(seller, product)
    returned = _a_return(order, seller)
    with translation.override(language):
        seller_urls, curator_urls = _urls(
            seller, product, order, parcel, pending, certificate, returned
        )
        seller_urls.append(reverse("seller_space:import-job", args=[job.pk]))
        seller_urls.append(reverse("seller_space:quote", args=[quote.pk]))
        seller_urls.append(reverse("seller_space:dispute", args=[dispute.pk]))
        applicant, step_urls = _application_steps()
    visits = [("seller", _session(member_of(seller)), url) for url in seller_urls]
    visits += [("curator", _session(curator()), url) for url in curator_urls]
    visits += [("applicant", _session(applicant), url) for url in step_urls]

    widths = _widths(live_server.url, visits)

    report = os.environ.get("PHONE_WIDTH_REPORT")
    if report:
        with open(f"{report}-{language}.json", "w") as out:
            json.dump(widths, out, indent=1, ensure_ascii=False)
    too_wide = {url: width for url, width in widths.items() if width > PHONE["width"]}
    assert not too_wide, too_wide


def _widths(base_url, visits):
    """scrollWidth of each page; runs with no ORM call (Playwright's loop owns the thread)."""
    from playwright.sync_api import sync_playwright

    widths = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        for who, session, path in visits:
            context = browser.new_context(viewport=PHONE)
            url = base_url + path
            context.add_cookies(
                [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": url}]
            )
            page = context.new_page()
            response = page.goto(url)
            assert response.status == 200, (path, response.status)
            page.wait_for_load_state("load")
            widths[f"{who} {path}"] = page.evaluate("document.documentElement.scrollWidth")
            if screens := os.environ.get("PHONE_WIDTH_SCREENS"):  # to look at, on demand
                name = f"{who}{path}".replace("/", "_").replace("?", "_")
                page.screenshot(path=f"{screens}/{name}.png", full_page=True)
            context.close()
        browser.close()
    return widths
