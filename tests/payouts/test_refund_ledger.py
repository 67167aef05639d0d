"""A dashboard refund of a seller's line debits that seller's payout ledger, once."""

from decimal import Decimal

import pytest

from marketplace.payments.models import PaymentRefund
from marketplace.payments.signals import line_refunded
from sellers.payouts.models import LedgerEntry
from tests.factories.checkout import paid_order

pytestmark = pytest.mark.django_db


@pytest.fixture
def order(eur_buyer, stripe_api):
    return paid_order(eur_buyer)


def refund_line(admin_client, order, line, capture):
    url = f"/dashboard/payments/orders/{order.number}/refund/"
    with capture(execute=True):
        response = admin_client.post(url, {"scope": "lines", "lines": [line.pk]})
    assert response.status_code == 302
    return PaymentRefund.objects.get(line=line)


def test_a_refunded_line_is_debited_to_its_seller_net_of_commission(
    admin_client, order, settings, django_capture_on_commit_callbacks
):
    settings.MARKETPLACE_COMMISSION_RATE = "0.10"
    line = order.lines.get(line_price_incl_tax=Decimal("333.33"))
    refund = refund_line(admin_client, order, line, django_capture_on_commit_callbacks)
    entry = LedgerEntry.objects.get(kind=LedgerEntry.Kind.REFUND)
    assert (entry.seller_id, entry.line_id, entry.reference) == (
        line.partner_id,
        line.pk,
        refund.stripe_refund,
    )
    assert (entry.gross, entry.commission, entry.amount) == (
        Decimal("-333.33"),
        Decimal("-33.33"),
        Decimal("-300.00"),
    )


def test_the_signal_fired_twice_debits_the_ledger_once(
    admin_client, order, django_capture_on_commit_callbacks
):
    line = order.lines.get(line_price_incl_tax=Decimal("333.33"))
    refund = refund_line(admin_client, order, line, django_capture_on_commit_callbacks)
    line_refunded.send(
        sender=PaymentRefund,
        line=line,
        amount_mad=refund.amount_mad,
        reference=refund.stripe_refund,
    )
    assert LedgerEntry.objects.filter(kind=LedgerEntry.Kind.REFUND, line=line).count() == 1


def test_only_the_refunded_lines_seller_is_debited(
    admin_client, order, django_capture_on_commit_callbacks
):
    line = order.lines.get(line_price_incl_tax=Decimal("1000.00"))
    refund_line(admin_client, order, line, django_capture_on_commit_callbacks)
    debited = LedgerEntry.objects.filter(kind=LedgerEntry.Kind.REFUND)
    assert list(debited.values_list("seller_id", flat=True)) == [line.partner_id]


def test_a_refund_the_ledger_refuses_is_logged_and_the_refund_page_still_answers(
    admin_client, order, django_capture_on_commit_callbacks, caplog
):
    line = order.lines.get(line_price_incl_tax=Decimal("333.33"))
    line_refunded.send(sender=PaymentRefund, line=line, amount_mad=Decimal("333.33"), reference="x")
    refund_line(admin_client, order, line, django_capture_on_commit_callbacks)
    assert LedgerEntry.objects.filter(kind=LedgerEntry.Kind.REFUND, line=line).count() == 1
    assert "not debited" in caplog.text
