"""Two tabs confirming the same receipt at once refund the buyer once (PostgreSQL row locks)."""

from decimal import Decimal

import pytest
from django.utils import timezone

from marketplace.payments.models import PaymentRefund
from sellers.payouts.models import LedgerEntry
from sellers.returns import services
from sellers.returns.models import ReturnRequest
from tests.factories.catalogue import SellerFactory
from tests.factories.checkout import paid_order
from tests.factories.returns import deliver
from tests.space.test_concurrency import run_together

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_receipts_confirmed_at_once_refund_once(eur_buyer, stripe_api):
    seller = SellerFactory()
    order = paid_order(eur_buyer, prices=("1000.00", "333.33"), sellers=[seller, seller])
    deliver(order, timezone.now())
    line = order.lines.get(line_price_incl_tax=Decimal("333.33"))
    (request,) = services.ask(order, [line.pk], "damaged", "refund")
    services.accept(request, None)

    results = run_together(lambda: services.confirm_receipt(request, None).status)

    assert all(not isinstance(result, Exception) for result in results), results
    request.refresh_from_db()
    assert request.status == ReturnRequest.Status.REFUNDED
    assert PaymentRefund.objects.count() == 1
    assert LedgerEntry.objects.filter(kind=LedgerEntry.Kind.REFUND).count() == 1
    assert request.events.filter(to_status=ReturnRequest.Status.RECEIVED).count() == 1
    assert request.events.filter(to_status=ReturnRequest.Status.REFUNDED).count() == 1
