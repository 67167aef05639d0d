"""A seller's evidence for a dispute, from its seller space: tracking filled in from its parcel,
files through the one upload check, sent to Stripe (a local stand-in) once, before the date
Stripe gives; submitted for review once every seller of the order has sent its own."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from marketplace.payments.models import Dispute, DisputeEvidence
from sellers.fulfilment.models import Parcel
from tests.factories.catalogue import SellerFactory
from tests.factories.disputes import INTENT, paid_order
from tests.factories.shipping import ServiceFactory
from tests.factories.uploads import as_upload, image_upload, pdf_upload
from tests.factories.users import member_of
from tests.support.stripe_disputes import dispute_event, post_event, stripe_dispute

pytestmark = pytest.mark.django_db


@pytest.fixture
def sellers():
    return SellerFactory(name="Atelier Safi"), SellerFactory(name="Cooperative Amal")


def open_dispute(client, stand_in, order, due_in=datetime.timedelta(days=7)):
    due = timezone.now() + due_in
    stand_in.disputes["du_1"] = stripe_dispute("du_1", INTENT, "needs_response", due_by=due)
    post_event(client, dispute_event("evt_d1", "charge.dispute.created", "du_1"))
    return Dispute.objects.get(order=order)


def shipped_parcel(order, seller):
    return Parcel.objects.create(
        order=order,
        partner=seller,
        status=Parcel.Status.SHIPPED,
        service=ServiceFactory(carrier__name="Amana"),
        tracking_number="EE123456789MA",
        shipped_at=timezone.make_aware(datetime.datetime(2026, 11, 20, 10)),
    )


@pytest.fixture
def single(client, stripe_stand_in, sellers):
    """A dispute on an order of the first seller only, its parcel shipped; the seller's
    member logged in (returns the member's client, the dispute)."""
    first, _second = sellers
    order = paid_order((first, "1000.00"))
    shipped_parcel(order, first)
    dispute = open_dispute(client, stripe_stand_in, order)
    client.force_login(member_of(first))
    return client, dispute


def page(dispute):
    return reverse("seller_space:dispute", args=[dispute.pk])


def evidence(**extra):
    return {
        "tracking_number": "EE123456789MA",
        "carrier": "Amana",
        "shipping_date": "2026-11-20",
        "explanation": "Packed in double cardboard; delivered on 24 November.",
        **extra,
    }


def test_the_seller_sees_its_dispute_listed(single):
    client, dispute = single
    response = client.get(reverse("seller_space:disputes"))
    assert response.status_code == 200
    assert dispute.order.number in response.content.decode()


def test_another_sellers_dispute_is_neither_listed_nor_shown(single, sellers):
    _client, dispute = single
    from django.test import Client

    other = Client()
    other.force_login(member_of(sellers[1]))
    assert dispute.order.number not in other.get(reverse("seller_space:disputes")).content.decode()
    assert other.get(page(dispute)).status_code == 404


def test_the_form_is_filled_in_from_the_parcel(single):
    client, dispute = single
    form = client.get(page(dispute)).context["form"]
    assert form.initial == {
        "tracking_number": "EE123456789MA",
        "carrier": "Amana",
        "shipping_date": datetime.date(2026, 11, 20),
    }


def test_evidence_is_sent_to_stripe_and_submitted(single, stripe_stand_in):
    client, dispute = single
    data = evidence(shipping_documentation=pdf_upload(), photo=image_upload())
    response = client.post(page(dispute), data)
    assert response.status_code == 302
    files = [r for r in stripe_stand_in.requests if r["path"] == "/v1/files"]
    assert [r["parts"]["purpose"] for r in files] == [b"dispute_evidence", b"dispute_evidence"]
    update = [r for r in stripe_stand_in.requests if r["path"] == "/v1/disputes/du_1"][-1]
    form = update["form"]
    assert form["submit"] == "true"
    assert form["evidence[shipping_tracking_number]"] == "EE123456789MA"
    assert form["evidence[shipping_carrier]"] == "Amana"
    assert form["evidence[shipping_date]"] == "2026-11-20"
    assert "double cardboard" in form["evidence[uncategorized_text]"]
    assert form["evidence[shipping_documentation]"].startswith("file_")
    assert form["evidence[uncategorized_file]"].startswith("file_")
    dispute.refresh_from_db()
    assert dispute.status == "under_review" and dispute.evidence_submitted_at is not None


def test_evidence_is_sent_once(single, stripe_stand_in):
    client, dispute = single
    client.post(page(dispute), evidence())
    client.post(page(dispute), evidence(explanation="Again"))
    assert DisputeEvidence.objects.count() == 1
    assert len([r for r in stripe_stand_in.requests if r["method"] == "POST"]) == 1


def test_evidence_after_the_due_date_is_refused(client, stripe_stand_in, sellers):
    first, _second = sellers
    order = paid_order((first, "1000.00"))
    dispute = open_dispute(client, stripe_stand_in, order, due_in=-datetime.timedelta(minutes=1))
    client.force_login(member_of(first))
    assert client.get(page(dispute)).context["form"] is None
    response = client.post(page(dispute), evidence(), follow=True)
    assert "The date for evidence has passed." in response.content.decode()
    assert not DisputeEvidence.objects.exists()
    assert not [r for r in stripe_stand_in.requests if r["method"] == "POST"]


def test_a_file_the_upload_check_refuses_sends_nothing(single, stripe_stand_in):
    client, dispute = single
    page_html = as_upload("proof.pdf", b"<html><script>alert(1)</script></html>", "application/pdf")
    response = client.post(page(dispute), evidence(shipping_documentation=page_html))
    assert response.status_code == 400
    assert response.context["form"].errors["shipping_documentation"]
    assert not [r for r in stripe_stand_in.requests if r["method"] == "POST"]


def test_stripe_gets_the_review_request_once_every_seller_has_answered(
    client, stripe_stand_in, sellers
):
    first, second = sellers
    order = paid_order((first, "600.00"), (second, "400.00"))
    dispute = open_dispute(client, stripe_stand_in, order)
    for seller, number in ((first, "EE111111111MA"), (second, "EE222222222MA")):
        client.force_login(member_of(seller))
        client.post(page(dispute), evidence(tracking_number=number))
    first_update, second_update = [
        r["form"]
        for r in stripe_stand_in.requests
        if r["path"] == "/v1/disputes/du_1" and r["method"] == "POST"
    ]
    assert first_update["submit"] == "false"
    assert second_update["submit"] == "true"
    assert second_update["evidence[shipping_tracking_number]"] == "EE111111111MA, EE222222222MA"


@pytest.mark.parametrize("language", ["ar", "fr", "es"])
def test_the_dispute_pages_render_in_each_language(single, language):
    client, dispute = single
    listing = client.get(f"/{language}/my-shop/disputes/")
    detail = client.get(f"/{language}/my-shop/disputes/{dispute.pk}/")
    assert listing.status_code == 200 and detail.status_code == 200
    assert dispute.order.number in detail.content.decode()


def test_two_sellers_files_for_one_field_reach_stripe_merged_into_one_pdf(
    client, stripe_stand_in, sellers
):
    import io

    from pypdf import PdfReader

    first, second = sellers
    order = paid_order((first, "600.00"), (second, "400.00"))
    dispute = open_dispute(client, stripe_stand_in, order)
    for seller in sellers:
        client.force_login(member_of(seller))
        data = evidence(shipping_documentation=pdf_upload(), photo=image_upload())
        assert client.post(page(dispute), data).status_code == 302
    files = [r for r in stripe_stand_in.requests if r["path"] == "/v1/files"]
    # Each seller's two files, then the two merged ones after the second seller answered.
    assert len(files) == 6
    for content in [r["parts"]["file"] for r in files[4:]]:  # merged: a page per seller
        assert content.startswith(b"%PDF")
        assert len(PdfReader(io.BytesIO(content)).pages) == 2
    first_update, second_update = [
        r["form"]
        for r in stripe_stand_in.requests
        if r["path"] == "/v1/disputes/du_1" and r["method"] == "POST"
    ]
    own = set(
        first_update[f]
        for f in ("evidence[shipping_documentation]", "evidence[uncategorized_file]")
    )
    sent = {
        second_update["evidence[shipping_documentation]"],
        second_update["evidence[uncategorized_file]"],
    }
    assert len(sent) == 2 and not sent & own
