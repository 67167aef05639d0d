"""The seller's answer and its deadline, escalation, the curator's decision: each edge, through
the pages of the seller space, the buyer's return page and the curators' queue."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from sellers.returns import services
from sellers.returns.models import ReturnRequest
from sellers.returns.tasks import tell_overdue
from tests.factories.returns import return_url

pytestmark = pytest.mark.django_db
Status = ReturnRequest.Status


@pytest.fixture
def request_(order):
    (request,) = services.ask(order, [order.lines.first().pk], "damaged", "refund")
    return request


def escalate(client, request):
    data = {"action": "escalate", "escalate-note": "The seller does not answer."}
    return client.post(return_url(request), data)


def test_before_the_deadline_the_buyer_cannot_escalate(client, request_):
    assert "escalate-form" not in client.get(return_url(request_)).content.decode()
    escalate(client, request_)
    request_.refresh_from_db()
    assert request_.status == Status.REQUESTED


def test_past_the_deadline_the_buyer_can_escalate(client, request_):
    ReturnRequest.objects.filter(pk=request_.pk).update(
        respond_by=timezone.now() - datetime.timedelta(minutes=1)
    )
    assert "escalate-form" in client.get(return_url(request_)).content.decode()
    escalate(client, request_)
    request_.refresh_from_db()
    assert request_.status == Status.ESCALATED and request_.escalated_at


def test_the_hourly_task_tells_the_buyer_once_that_the_deadline_passed(request_):
    ReturnRequest.objects.filter(pk=request_.pk).update(
        respond_by=timezone.now() - datetime.timedelta(minutes=1)
    )
    assert tell_overdue() == 1
    assert tell_overdue() == 0
    assert "ask a curator" in mail.outbox[-1].body


def test_a_refusal_needs_a_reason(client, request_, seller_user):
    client.force_login(seller_user)
    url = f"/en/my-shop/returns/{request_.pk}/"
    response = client.post(url, {"action": "refuse", "refuse-note": ""})
    assert response.status_code == 200
    request_.refresh_from_db()
    assert request_.status == Status.REQUESTED


def test_after_a_refusal_the_buyer_can_escalate(client, request_, seller_user):
    client.force_login(seller_user)
    url = f"/en/my-shop/returns/{request_.pk}/"
    client.post(url, {"action": "refuse", "refuse-note": "Worn from use."})
    client.logout()
    escalate(client, request_)
    request_.refresh_from_db()
    assert request_.status == Status.ESCALATED


def test_a_return_escalated_once_cannot_be_escalated_again(request_, curator):
    services.refuse(request_, None, "Worn from use.")
    services.escalate(request_, None, "It was broken on arrival.")
    services.decide(request_, curator, False, "The photos show wear, not transport damage.")
    with pytest.raises(services.ReturnError):
        services.escalate(request_, None, "Again.")


def test_the_curator_accepts_an_escalated_return_with_a_reason(
    client, request_, curator, django_capture_on_commit_callbacks
):
    services.refuse(request_, None, "Worn from use.")
    services.escalate(request_, None, "It was broken on arrival.")
    client.force_login(curator)
    assert request_.reference in client.get("/en/curation/returns/").content.decode()
    url = f"/en/curation/returns/{request_.pk}/"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"action": "accept", "note": "Transport damage on the photos."})
    request_.refresh_from_db()
    assert request_.status == Status.ACCEPTED
    event = request_.events.last()
    assert (event.role, event.actor, event.note) == (
        "curator",
        curator,
        "Transport damage on the photos.",
    )
    assert {tuple(message.to) for message in mail.outbox[-2:]} == {
        (request_.order.email,),
        ("atelier@example.com",),
    }


def test_a_curator_decision_needs_a_reason(client, request_, curator):
    services.refuse(request_, None, "Worn from use.")
    services.escalate(request_, None, "It was broken on arrival.")
    client.force_login(curator)
    client.post(f"/en/curation/returns/{request_.pk}/", {"action": "accept", "note": ""})
    request_.refresh_from_db()
    assert request_.status == Status.ESCALATED


def test_a_seller_cannot_answer_another_sellers_return(client, request_):
    from oscar.test.factories import UserFactory

    from tests.factories.catalogue import SellerFactory

    other = UserFactory()
    SellerFactory().users.add(other)
    client.force_login(other)
    response = client.post(f"/en/my-shop/returns/{request_.pk}/", {"action": "accept"})
    assert response.status_code == 404


def test_the_seller_accepts_and_the_buyer_gets_the_return_label(client, request_, seller_user):
    client.force_login(seller_user)
    client.post(f"/en/my-shop/returns/{request_.pk}/", {"action": "accept"})
    client.logout()
    page = client.get(return_url(request_)).content.decode()
    assert 'data-testid="return-label"' in page
    assert "Poterie de Safi" in page and "Safi" in page
    assert 'data-testid="ship-form"' in page


def test_accepting_twice_records_one_transition(request_, seller_user):
    services.accept(request_, seller_user)
    services.accept(request_, seller_user)
    assert request_.events.filter(to_status=Status.ACCEPTED).count() == 1


def test_a_refused_return_cannot_be_accepted_by_the_seller(request_, seller_user):
    services.refuse(request_, seller_user, "Worn from use.")
    with pytest.raises(services.ReturnError):
        services.accept(request_, seller_user)


def test_an_escalated_return_waits_on_the_curators_to_review_page(client, request_, curator):
    services.refuse(request_, None, "Worn from use.")
    services.escalate(request_, None, "It was broken on arrival.")
    client.force_login(curator)
    page = client.get("/en/curation/").content.decode()
    assert page.count('data-testid="escalated-returns"') == 1
    assert f"/en/curation/returns/{request_.pk}/" in page
    title = page[page.index("<title>") : page.index("</title>")]
    assert "<section" not in title and "<h2" not in title


def test_the_buyer_is_told_in_the_language_of_the_request(
    order, seller_user, django_capture_on_commit_callbacks
):
    (request,) = services.ask(order, [order.lines.first().pk], "damaged", "refund", language="es")
    with django_capture_on_commit_callbacks(execute=True):
        services.accept(request, seller_user)
    message = mail.outbox[-1]
    assert message.to == [order.email]
    assert "Su devolución está aceptada." in message.body
    assert f"/es/returns/{request.pk}/" in message.body
