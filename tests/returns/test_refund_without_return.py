"""A curator's refund without the pieces coming back: one decision, with its reason, refunds
at once through Stripe, debits the seller's ledger and closes the return."""

from decimal import Decimal

import pytest
from oscar.test.factories import UserFactory

from marketplace.payments.models import PaymentRefund
from sellers.payouts.models import LedgerEntry
from sellers.returns import services
from sellers.returns.models import ReturnRequest

pytestmark = pytest.mark.django_db
Status = ReturnRequest.Status


@pytest.fixture
def escalated(order):
    line = order.lines.get(line_price_incl_tax=Decimal("333.33"))
    (request,) = services.ask(order, [line.pk], "damaged", "refund")
    services.refuse(request, None, "Broken by the buyer.")
    return services.escalate(request, None, "It arrived in pieces.")


def decide(client, request, note="The pieces are in shards: no point sending them back."):
    url = f"/en/curation/returns/{request.pk}/"
    return client.post(url, {"action": "refund_without_return", "refund-note": note})


def test_the_curator_refunds_at_once_and_the_reason_is_recorded(
    client, escalated, curator, django_capture_on_commit_callbacks
):
    client.force_login(curator)
    with django_capture_on_commit_callbacks(execute=True):
        response = decide(client, escalated)
    assert response.status_code == 302
    escalated.refresh_from_db()
    assert escalated.status == Status.REFUNDED
    (refund,) = PaymentRefund.objects.all()
    assert refund.amount_mad == Decimal("333.33") and refund.currency == "EUR"
    assert refund.stripe_refund.startswith("re_")
    debit = LedgerEntry.objects.get(kind=LedgerEntry.Kind.REFUND)
    assert debit.gross == Decimal("-333.33") and debit.seller == escalated.seller
    event = escalated.events.get(to_status=Status.REFUNDED)
    assert event.role == "curator" and event.actor == curator and "shards" in event.note


def test_a_double_submission_refunds_once(
    client, escalated, curator, django_capture_on_commit_callbacks
):
    client.force_login(curator)
    with django_capture_on_commit_callbacks(execute=True):
        decide(client, escalated)
        decide(client, escalated)
    assert PaymentRefund.objects.count() == 1
    assert LedgerEntry.objects.filter(kind=LedgerEntry.Kind.REFUND).count() == 1
    assert escalated.events.filter(to_status=Status.REFUNDED).count() == 1


def test_the_reason_is_required(client, escalated, curator):
    client.force_login(curator)
    response = decide(client, escalated, note="  ")
    assert response.status_code == 200
    escalated.refresh_from_db()
    assert escalated.status == Status.ESCALATED
    assert not PaymentRefund.objects.exists()


def test_a_non_curator_gets_a_404_and_nothing_is_refunded(client, escalated, seller_user):
    for user in (seller_user, UserFactory(email="someone@example.com")):
        client.force_login(user)
        assert decide(client, escalated).status_code == 404
    escalated.refresh_from_db()
    assert escalated.status == Status.ESCALATED
    assert not PaymentRefund.objects.exists()


def test_a_return_already_refunded_on_receipt_is_not_refunded_again(escalated, curator):
    services.decide(escalated, curator, True, "Transport damage.")
    services.confirm_receipt(escalated, curator, services.Role.CURATOR)
    services.refund_without_return(escalated, curator, "Too late: already back.")
    assert PaymentRefund.objects.count() == 1
