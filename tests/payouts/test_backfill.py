"""Parcels shipped before payouts followed the parcel get the held credits shipment writes now:
once (a second run writes nothing), undone on request, never touching credits already written."""

import datetime
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.utils import timezone

from sellers.fulfilment.models import Parcel
from sellers.payouts.backfill import BACKFILL
from sellers.payouts.models import LedgerEntry
from sellers.payouts.services import credit_delivered_line, release_due_credits
from tests.factories.catalogue import SellerFactory
from tests.factories.orders import order_for, product_of

pytestmark = pytest.mark.django_db
NET = Decimal("880.00")  # 1,000 MAD less 12 %


@pytest.fixture(autouse=True)
def _rules(settings):
    settings.MARKETPLACE_COMMISSION_RATE = "0.12"
    settings.PAYOUT_HOLD_DAYS = 14
    settings.PAYOUT_MAX_DAYS_AFTER_SHIPMENT = 60


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


def old_parcel(status=Parcel.Status.SHIPPED, shipped=10, **fields):
    """A parcel moved under the old rule: no signal, so no credit for its shipment."""
    seller = SellerFactory()
    order = order_for(product_of(seller, stockrecord__price=Decimal("1000.00")))
    return Parcel.objects.create(
        order=order, partner=seller, status=status, shipped_at=days_ago(shipped), **fields
    )


def run(*args):
    call_command("backfill_parcel_credits", *args)


def test_a_parcel_shipped_before_the_change_gets_its_held_credit():
    parcel = old_parcel(shipped=10)
    run()
    entry = LedgerEntry.objects.get()
    assert (entry.seller, entry.amount, entry.reference) == (parcel.partner, NET, BACKFILL)
    assert entry.released_at is None
    assert entry.available_on == timezone.localdate(days_ago(10)) + datetime.timedelta(days=60)


def test_a_parcel_shipped_longer_ago_than_the_maximum_is_released_at_the_next_release():
    old_parcel(shipped=70)
    run()
    assert release_due_credits() == 1


def test_a_tracked_delivery_holds_the_credit_from_that_delivery():
    old_parcel(status=Parcel.Status.DELIVERED, shipped=20, tracked_delivered_at=days_ago(5))
    run()
    expected = timezone.localdate(days_ago(5)) + datetime.timedelta(days=14)
    assert LedgerEntry.objects.get().available_on == expected


def test_credits_written_under_the_old_rule_are_left_as_they_are():
    parcel = old_parcel(status=Parcel.Status.DELIVERED, delivered_at=days_ago(3))
    line = parcel.order.lines.get()
    entry = credit_delivered_line(line, delivered_at=days_ago(3))
    run()
    assert list(LedgerEntry.objects.all()) == [entry]
    assert LedgerEntry.objects.get().reference == ""


def test_unshipped_parcels_get_nothing():
    old_parcel(status=Parcel.Status.IN_PREPARATION)
    run()
    assert not LedgerEntry.objects.exists()


def test_running_twice_writes_once():
    old_parcel()
    old_parcel()
    run()
    run()
    assert LedgerEntry.objects.count() == 2


def test_a_dry_run_writes_nothing(capsys):
    old_parcel()
    run("--dry-run")
    assert "1 parcels, 1 lines to credit." in capsys.readouterr().out
    assert not LedgerEntry.objects.exists()


def test_undo_deletes_the_backfilled_credits_only_and_can_be_redone():
    shipped = old_parcel()
    delivered = old_parcel(status=Parcel.Status.DELIVERED, delivered_at=days_ago(3))
    kept = credit_delivered_line(delivered.order.lines.get(), delivered_at=days_ago(3))
    run()
    run("--undo")
    assert list(LedgerEntry.objects.all()) == [kept]
    run()
    assert LedgerEntry.objects.filter(line__order=shipped.order, reference=BACKFILL).count() == 1
