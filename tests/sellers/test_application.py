"""Applying to sell, from a phone, in the applicant's language."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from oscar.core.loading import get_model

from sellers import verification
from tests.factories.sellers import VALID_ICE, ArtisanFactory, application_data, apply_in_steps
from tests.factories.uploads import pdf_upload
from tests.factories.users import UserFactory

Partner = get_model("partner", "Partner")
ApplicationProgress = get_model("partner", "ApplicationProgress")
S = Partner.Status


@pytest.fixture
def applicant(client, db):
    user = UserFactory()
    client.force_login(user)
    return user


def apply_url(language="en"):
    with translation.override(language):
        return reverse("sell:apply")


@pytest.mark.django_db
def test_the_sell_page_invites_visitors_to_sign_up_and_apply(client):
    response = client.get("/en/sell/")
    assert response.status_code == 200
    assert reverse("customer:register") in response.content.decode()


@pytest.mark.django_db
def test_an_anonymous_visitor_is_sent_to_log_in_before_applying(client):
    response = client.get(apply_url())
    assert response.status_code == 302
    assert reverse("customer:login") in response["Location"]


@pytest.mark.django_db
def test_an_artisan_applies_and_waits_for_review(
    client, applicant, region, craft, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        response = apply_in_steps(client, application_data(region, craft))
    seller = Partner.objects.get(name="Atelier Amina")
    assert response.status_code == 302
    assert response["Location"] == reverse("sell:status", kwargs={"pk": seller.pk})
    assert seller.status == S.PENDING and seller.submitted_at
    assert list(seller.users.all()) == [applicant]
    assert list(applicant.partners.all()) == [seller]
    assert seller.card_scan.name.endswith(".pdf")
    assert seller.rib and seller.slug == "atelier-amina"
    assert list(seller.craft_branches.all()) == [craft]
    assert seller.verification_events.get().action == "submit"
    assert mailoutbox[0].to == ["amina@example.com"]


@pytest.mark.django_db
def test_a_cooperative_applies_with_its_odco_number_ice_and_statutes(
    client, applicant, region, craft
):
    data = application_data(
        region,
        craft,
        kind="cooperative",
        nia="",
        card_number="",
        card_issued_on="",
        card_expires_on="",
        card_scan=None,
        odco_number="ODCO-2011/456",
        ice=VALID_ICE,
        members_count=12,
        statutes=pdf_upload("statuts.pdf"),
    )
    assert apply_in_steps(client, data).status_code == 302
    seller = Partner.objects.get()
    assert seller.is_cooperative and seller.statutes and seller.ice == VALID_ICE


@pytest.mark.django_db
def test_a_cooperative_without_ice_keeps_what_was_typed(client, applicant, region, craft):
    data = application_data(
        region, craft, kind="cooperative", odco_number="ODCO-2011/456", members_count=12
    )
    response = apply_in_steps(client, data)
    assert response.status_code == 200
    form = response.context["form"]
    assert "ice" in form.errors and "statutes" in form.errors
    assert 'value="ODCO-2011/456"' in response.content.decode()
    assert not Partner.objects.exists()


@pytest.mark.django_db
def test_an_artisan_without_card_details_is_told_what_is_missing(client, applicant, region, craft):
    data = application_data(region, craft, nia="", card_scan=None)
    response = apply_in_steps(client, data)
    assert set(response.context["form"].errors) == {"nia", "card_scan"}


@pytest.mark.django_db
def test_a_bad_rib_is_explained_in_french(client, applicant, region, craft):
    data = application_data(region, craft, rib="011519000001205000534922")
    response = apply_in_steps(client, data, "fr")
    assert response.status_code == 200
    assert "clé de ce RIB" in response.content.decode()
    assert 'value="011519000001205000534922"' in response.content.decode()
    with translation.override("fr"):
        earlier = client.get(reverse("sell:apply-step", kwargs={"step": "who"}))
    assert 'value="Atelier Amina"' in earlier.content.decode()


@pytest.mark.django_db
def test_a_web_page_named_pdf_is_refused_in_arabic(client, applicant, region, craft):
    fake = SimpleUploadedFile("card.pdf", b"<html><script>alert(1)</script></html>")
    response = apply_in_steps(client, application_data(region, craft, card_scan=fake), "ar")
    assert response.status_code == 200
    assert "card_scan" in response.context["form"].errors
    assert 'dir="rtl"' in response.content.decode()
    assert not Partner.objects.exists()


@pytest.mark.django_db
def test_an_expired_card_cannot_be_used_to_apply(client, applicant, region, craft):
    data = application_data(
        region, craft, card_issued_on="2015-01-01", card_expires_on="2020-01-01"
    )
    response = apply_in_steps(client, data)
    assert "card_expires_on" in response.context["form"].errors


@pytest.mark.django_db
def test_the_application_steps_render_for_a_phone_in_arabic(client, applicant, region, craft):
    with translation.override("ar"):
        client.post(reverse("sell:apply-step", kwargs={"step": "kind"}), {"kind": "artisan"})
        who = client.get(reverse("sell:apply-step", kwargs={"step": "who"})).content.decode()
        papers = client.get(reverse("sell:apply-step", kwargs={"step": "papers"}))
    body = papers.content.decode()
    assert papers.status_code == 200
    assert 'dir="rtl"' in body and 'type="tel"' in who and 'type="date"' in body
    assert 'enctype="multipart/form-data"' in body


@pytest.mark.django_db
def test_a_member_sees_the_status_and_the_curators_question(client, applicant):
    seller = ArtisanFactory(status=S.PENDING, members=[applicant])
    verification.apply(seller, "request_info", verification.CURATOR, reason="Scan the back.")
    response = client.get(reverse("sell:status", kwargs={"pk": seller.pk}))
    body = response.content.decode()
    assert "Scan the back." in body
    assert reverse("sell:resubmit", kwargs={"pk": seller.pk}) in body


@pytest.mark.django_db
def test_another_users_application_is_404(client, applicant):
    seller = ArtisanFactory(status=S.PENDING, members=[UserFactory()])
    for name in ("sell:status", "sell:resubmit"):
        assert client.get(reverse(name, kwargs={"pk": seller.pk})).status_code == 404


@pytest.mark.django_db
def test_answering_the_curator_sends_the_application_back_for_review(
    client, applicant, region, craft
):
    seller = ArtisanFactory(status=S.NEEDS_INFO, members=[applicant])
    data = application_data(region, craft, card_scan=pdf_upload(), answer="Here is the back.")
    response = client.post(reverse("sell:resubmit", kwargs={"pk": seller.pk}), data)
    assert response.status_code == 302
    seller.refresh_from_db()
    assert seller.status == S.PENDING
    event = seller.verification_events.first()
    assert (event.action, event.reason) == ("resubmit", "Here is the back.")


@pytest.mark.django_db
def test_an_answer_keeps_the_existing_scan_when_no_new_file_is_chosen(
    client, applicant, region, craft
):
    seller = ArtisanFactory(status=S.NEEDS_INFO, members=[applicant], card_scan=pdf_upload())
    data = application_data(region, craft, card_scan=None, answer="Card number corrected.")
    assert client.post(reverse("sell:resubmit", kwargs={"pk": seller.pk}), data).status_code == 302
    seller.refresh_from_db()
    assert seller.card_scan and seller.status == S.PENDING


@pytest.mark.django_db
def test_a_pending_application_cannot_be_answered(client, applicant, region, craft):
    seller = ArtisanFactory(status=S.PENDING, members=[applicant])
    data = application_data(region, craft, answer="Sneaky edit")
    response = client.post(reverse("sell:resubmit", kwargs={"pk": seller.pk}), data)
    assert response.status_code == 302
    seller.refresh_from_db()
    assert seller.status == S.PENDING and seller.name != "Atelier Amina"


@pytest.mark.django_db
def test_a_valid_file_sent_before_a_bad_rib_is_kept_for_the_next_attempt(
    client, applicant, region, craft, django_capture_on_commit_callbacks
):
    bad = application_data(region, craft, rib="011519000001205000534922")
    assert "rib" in apply_in_steps(client, bad).context["form"].errors
    papers = client.get(reverse("sell:apply-step", kwargs={"step": "papers"}))
    assert "Received: card.pdf" in papers.content.decode()
    fixed = application_data(region, craft, card_scan=None)
    with django_capture_on_commit_callbacks(execute=True):
        assert apply_in_steps(client, fixed).status_code == 302
    seller = Partner.objects.get()
    with seller.card_scan.open("rb") as handle:
        assert handle.read().startswith(b"%PDF-")
    assert not ApplicationProgress.objects.exists()
    from sellers.documents import private_storage

    assert private_storage.listdir("sellers/drafts") == ([], [])


@pytest.mark.django_db
def test_a_refused_file_is_not_kept(client, applicant, region, craft):
    fake = SimpleUploadedFile("card.pdf", b"<html></html>")
    apply_in_steps(client, application_data(region, craft, card_scan=fake))
    response = apply_in_steps(client, application_data(region, craft, card_scan=None))
    assert "card_scan" in response.context["form"].errors
    assert not Partner.objects.exists()


@pytest.mark.django_db
def test_kept_files_belong_to_the_user_who_sent_them(client, applicant, region, craft):
    from django.test import Client

    apply_in_steps(client, application_data(region, craft, rib="0"))
    other = Client()
    other.force_login(UserFactory())
    response = apply_in_steps(other, application_data(region, craft, card_scan=None))
    assert "card_scan" in response.context["form"].errors


@pytest.mark.django_db
def test_an_answer_with_errors_lists_them_at_the_top_with_links(client, applicant, region, craft):
    seller = ArtisanFactory(status=S.NEEDS_INFO, members=[applicant])
    data = application_data(region, craft, rib="0", answer="")
    response = client.post(reverse("sell:resubmit", kwargs={"pk": seller.pk}), data)
    body = response.content.decode()
    assert 'class="error-summary" role="alert"' in body
    assert '<a href="#id_answer">' in body and '<a href="#id_rib">' in body
