"""Payout runs, their reconciliation and carrier events hold under concurrent requests
(PostgreSQL locks)."""

from decimal import Decimal

import pytest
from django.utils import timezone

from sellers.fulfilment.models import Parcel, ParcelEvent
from sellers.fulfilment.parcels import parcel_for
from sellers.fulfilment.services import advance, record_carrier_event, ship
from sellers.fulfilment.tracking.events import TrackingEvent
from sellers.payouts.models import LedgerEntry, Payout, PayoutRun
from sellers.payouts.runs import create_run, mark_paid
from sellers.payouts.services import credit_shipped_line
from tests.factories.catalogue import SellerFactory
from tests.factories.orders import add_line, order_for, product_of
from tests.factories.tracking import RIBS
from tests.space.test_concurrency import run_together

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def released_credit(seller, price="100.00"):
    entry = credit_shipped_line(add_line(order_for(), product_of(seller), price=Decimal(price)))
    LedgerEntry.objects.filter(pk=entry.pk).update(released_at=timezone.now())


def test_concurrent_payout_runs_pay_each_entry_once():
    for rib in RIBS:
        released_credit(SellerFactory(rib=rib))
    run_together(create_run)
    assert PayoutRun.objects.count() == 1
    assert Payout.objects.count() == 2
    assert not LedgerEntry.objects.filter(payout__isnull=True).exists()


def test_concurrent_mark_paid_stamps_the_run_once():
    released_credit(SellerFactory(rib=RIBS[0]))
    run = create_run()
    results = run_together(lambda: mark_paid(run).paid_at)
    assert len(set(results)) == 1, results


def test_a_carrier_event_received_twice_at_once_is_recorded_once():
    seller = SellerFactory()
    parcel = parcel_for(order_for(product_of(seller)), seller)
    advance(parcel, Parcel.Status.IN_PREPARATION)
    ship(parcel, "ems", "EE123456789MA")
    event = TrackingEvent(
        tracking_number="EE123456789MA",
        event_id="PM-1",
        status=TrackingEvent.DELIVERED,
        occurred_at=timezone.now(),
    )
    run_together(lambda: record_carrier_event(parcel, "barid", event))
    assert ParcelEvent.objects.filter(event_id="PM-1").count() == 1
