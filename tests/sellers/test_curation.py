"""Curators' review queue and decisions, behind the curator permission."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from oscar.core.loading import get_model

from tests.factories.sellers import ArtisanFactory
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
    curator_client.post(review_url(seller), {"action": "reject", "reason": "Not a card."})
    seller.refresh_from_db()
    assert seller.status == S.REJECTED
    body = curator_client.get(review_url(seller)).content.decode()
    assert "Blurry scan." in body and "Not a card." in body
    assert body.count(f"by {curator_client.user.username}") == 2


@pytest.mark.django_db
def test_the_dashboard_menu_links_staff_to_the_queue(client):
    client.force_login(UserFactory(is_staff=True))
    response = client.get(reverse("dashboard:index"))
    assert response.status_code == 200
    assert reverse("curation:queue") in response.content.decode()
