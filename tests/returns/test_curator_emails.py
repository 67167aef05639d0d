"""An escalated return is emailed to every curator, in the curator's language, once."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.utils import timezone
from oscar.test.factories import UserFactory

from sellers.returns import services, tasks
from sellers.returns.models import ReturnRequest
from tests.factories.catalogue import SellerFactory
from tests.factories.returns import return_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def request_(order):
    (request,) = services.ask(order, [order.lines.first().pk], "damaged", "refund")
    ReturnRequest.objects.filter(pk=request.pk).update(
        respond_by=timezone.now() - datetime.timedelta(minutes=1)
    )
    return request


@pytest.fixture
def curators(curator):
    """The staff curator, and a Curators-group member (not staff) whose seller writes Arabic."""
    group = Group.objects.get(name="Curators")
    from django.contrib.auth.models import Permission

    group.permissions.add(Permission.objects.get(codename="verify_seller"))
    member = UserFactory(email="curatrice@example.com", is_staff=False)
    member.groups.add(group)
    SellerFactory(name="Tissage de Tazenakht", preferred_language="ar").users.add(member)
    UserFactory(email="client@example.com")  # not a curator: never told
    return [curator, member]


def curator_mail(address):
    return [message for message in mail.outbox if message.to == [address]]


def test_an_escalation_emails_each_curator_once_with_the_queue(
    client, request_, curators, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(return_url(request_), {"action": "escalate", "escalate-note": "No answer."})
    request_.refresh_from_db()
    assert request_.status == ReturnRequest.Status.ESCALATED
    staff, member = curator_mail("curator@example.com"), curator_mail("curatrice@example.com")
    assert len(staff) == 1 and len(member) == 1
    assert "/fr/curation/returns/" in staff[0].body
    assert "/ar/curation/returns/" in member[0].body
    assert not curator_mail("client@example.com")


def test_the_hourly_task_after_an_escalation_sends_nothing_again(
    request_, curators, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.escalate(request_, None, "No answer.")
    told = len(mail.outbox)
    assert tasks.tell_curators() == 0
    assert tasks.hourly()["escalated"] == 0
    assert len(mail.outbox) == told


def test_the_hourly_task_tells_curators_of_an_escalation_whose_email_was_lost(request_, curators):
    services.escalate(request_, None, "No answer.")  # its on-commit email never ran
    assert tasks.tell_curators() == 2
    assert tasks.tell_curators() == 0
