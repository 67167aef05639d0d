"""Curators' review queue and decisions, behind the curator permission."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from oscar.core.loading import get_model

from sellers import verification
from tests.factories.compliance import CertificateFactory
from tests.factories.sellers import ArtisanFactory, application_data, apply_in_steps
from tests.factories.uploads import pdf_upload
from tests.factories.users import UserFactory, curator

Partner = get_model("partner", "Partner")
S = Partner.Status
QUEUE = "/en/curation/sellers/"


def review_url(seller):
    return reverse("curation:review", kwargs={"pk": seller.pk})


@pytest.fixture
def curator_client(client, db):
    user = curator()
    client.force_login(user)
    client.user = user
    return client


@pytest.mark.django_db
def test_an_anonymous_visitor_is_sent_to_log_in(client):
    response = client.get(QUEUE)
    assert response.status_code == 302
    assert reverse("customer:login") in response["Location"]


@pytest.mark.django_db
def test_a_user_who_is_not_a_curator_gets_404(client):
    seller = ArtisanFactory(status=S.PENDING)
    client.force_login(UserFactory())
    assert client.get(QUEUE).status_code == 404
    assert client.get(review_url(seller)).status_code == 404
    assert client.post(review_url(seller), {"action": "verify"}).status_code == 404
    seller.refresh_from_db()
    assert seller.status == S.PENDING


@pytest.mark.django_db
def test_staff_can_open_the_queue(client):
    client.force_login(UserFactory(is_staff=True))
    assert client.get(QUEUE).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("status", S.values)
def test_the_queue_filters_by_status(curator_client, status):
    shown = ArtisanFactory(status=status, name="Shown seller")
    other = S.REJECTED if status != S.REJECTED else S.PENDING
    ArtisanFactory(status=other, name="Other seller")
    response = curator_client.get(QUEUE, {"status": status})
    body = response.content.decode()
    assert shown.name in body and "Other seller" not in body


@pytest.mark.django_db
def test_the_queue_shows_pending_applications_by_default(curator_client):
    ArtisanFactory(status=S.PENDING, name="Waiting seller")
    assert "Waiting seller" in curator_client.get(QUEUE).content.decode()


def queue_queries(client):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(QUEUE, {"status": "pending"}).status_code == 200
    return len(queries)


@pytest.mark.django_db
def test_queue_queries_do_not_grow_with_the_number_of_applications(curator_client):
    ArtisanFactory.create_batch(2, status=S.PENDING)
    queue_queries(curator_client)  # warm the site header's caches
    few = queue_queries(curator_client)
    ArtisanFactory.create_batch(20, status=S.PENDING)
    assert queue_queries(curator_client) == few


@pytest.mark.django_db
def test_the_review_page_shows_the_application_documents_and_history(curator_client):
    seller = ArtisanFactory(status=S.PENDING, card_scan=pdf_upload(), nia="NIA7654321")
    response = curator_client.get(review_url(seller))
    body = response.content.decode()
    assert "NIA7654321" in body
    assert reverse("sell:document", kwargs={"pk": seller.pk, "name": "card_scan"}) in body
    actions = [value for value, _label in response.context["form"].fields["action"].choices]
    assert actions == ["verify", "request_info", "reject"]


@pytest.mark.django_db
def test_a_curator_verifies_an_application(curator_client):
    seller = ArtisanFactory(status=S.PENDING, verified_at=None)
    response = curator_client.post(review_url(seller), {"action": "verify", "reason": ""})
    assert response.status_code == 302
    seller.refresh_from_db()
    assert seller.status == S.VERIFIED and seller.verified_at
    event = seller.verification_events.get()
    assert event.actor == curator_client.user
    assert (event.from_status, event.to_status) == (S.PENDING, S.VERIFIED)


@pytest.mark.django_db
def test_a_rejection_needs_a_reason(curator_client):
    seller = ArtisanFactory(status=S.PENDING)
    response = curator_client.post(review_url(seller), {"action": "reject", "reason": ""})
    assert response.status_code == 200
    assert "reason" in response.context["form"].errors
    seller.refresh_from_db()
    assert seller.status == S.PENDING


@pytest.mark.django_db
def test_a_decision_not_allowed_from_the_status_is_refused(curator_client):
    seller = ArtisanFactory(status=S.REJECTED)
    response = curator_client.post(review_url(seller), {"action": "verify"})
    assert response.status_code == 200
    assert "action" in response.context["form"].errors
    seller.refresh_from_db()
    assert seller.status == S.REJECTED


@pytest.mark.django_db
def test_the_history_lists_every_decision_with_its_author(curator_client):
    seller = ArtisanFactory(status=S.PENDING)
    curator_client.post(review_url(seller), {"action": "request_info", "reason": "Blurry scan."})
    curator_client.post(
        review_url(seller), {"action": "reject", "reason": "Not a card.", "confirmed": "yes"}
    )
    seller.refresh_from_db()
    assert seller.status == S.REJECTED
    body = curator_client.get(review_url(seller)).content.decode()
    assert "Blurry scan." in body and "Not a card." in body
    assert body.count(f"by <bdi>{curator_client.user.email}</bdi>") == 2


@pytest.mark.django_db
def test_the_dashboard_menu_links_staff_to_the_queue(client):
    client.force_login(UserFactory(is_staff=True))
    response = client.get(reverse("dashboard:index"))
    assert response.status_code == 200
    assert reverse("curation:queue") in response.content.decode()


@pytest.mark.django_db
def test_the_submit_event_names_the_applicant_by_name_and_email(
    client, curator_client, region, craft
):
    applicant = UserFactory(
        username="k2x9q7w1z3", first_name="Amina", last_name="Alaoui", email="amina@example.com"
    )
    client.force_login(applicant)
    apply_in_steps(client, application_data(region, craft))
    seller = Partner.objects.get(name_latin="Atelier Amina")
    client.force_login(curator_client.user)
    body = client.get(review_url(seller)).content.decode()
    assert "by <bdi>Amina Alaoui &lt;amina@example.com&gt;</bdi>" in body
    assert "k2x9q7w1z3" not in body


@pytest.mark.django_db
def test_an_old_event_names_its_author_by_name_even_if_recorded_by_username(curator_client):
    applicant = UserFactory(username="zz81random", first_name="Fatima", email="f@example.com")
    seller = ArtisanFactory(status="", verified_at=None)
    verification.apply(
        seller, "submit", verification.APPLICANT, actor=applicant, actor_label="zz81random"
    )
    body = curator_client.get(review_url(seller)).content.decode()
    assert "Fatima &lt;f@example.com&gt;" in body and "zz81random" not in body


@pytest.mark.django_db
@pytest.mark.parametrize(("code", "shown"), [("fr", "French"), ("ar", "Arabic")])
def test_the_review_page_shows_the_applicants_preferred_language(curator_client, code, shown):
    seller = ArtisanFactory(status=S.PENDING, preferred_language=code)
    response = curator_client.get(review_url(seller))
    assert f'<dd data-testid="preferred-language">{shown}</dd>' in response.content.decode()


@pytest.mark.django_db
def test_a_rejection_is_confirmed_on_its_own_page_first(curator_client):
    seller = ArtisanFactory(status=S.PENDING)
    response = curator_client.post(review_url(seller), {"action": "reject", "reason": "Fake."})
    body = response.content.decode()
    assert response.status_code == 200
    assert 'name="reason" value="Fake."' in body and 'name="confirmed" value="yes"' in body
    seller.refresh_from_db()
    assert seller.status == S.PENDING


@pytest.mark.django_db
def test_the_curators_queue_lists_pending_sellers_and_certificates_with_review_links(
    curator_client,
):
    pending = ArtisanFactory(status=S.PENDING, name="Atelier Safi", name_latin="Atelier Safi")
    verified = ArtisanFactory(status=S.VERIFIED, name="Atelier Fes", name_latin="Atelier Fes")
    waiting = CertificateFactory(partner=verified, verified_at=None, standard="EN 1388-1")
    CertificateFactory(partner=verified, standard="ASTM C738")
    response = curator_client.get(reverse("curation:todo"))
    body = response.content.decode()
    assert response.status_code == 200
    assert review_url(pending) in body and "Atelier Safi" in body
    assert review_url(verified) not in body
    assert "EN 1388-1" in body and "ASTM C738" not in body
    assert reverse("certificates:verify", args=[waiting.pk]) in body
    assert f"{reverse('certificates:seller', args=[verified.pk])}#certificate-{waiting.pk}" in body


@pytest.mark.django_db
def test_the_curators_queue_is_for_curators_only(client):
    client.force_login(UserFactory())
    assert client.get(reverse("curation:todo")).status_code == 404
