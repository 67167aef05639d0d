"""Per-seller parcels: explicit transitions, append-only history, held credits on shipment."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from sellers.fulfilment.models import AppendOnlyError, Parcel, ParcelEvent
from sellers.fulfilment.parcels import create_parcels, parcel_for
from sellers.fulfilment.services import TransitionError, advance, set_tracking
from sellers.payouts.models import LedgerEntry
from tests.factories.catalogue import SellerFactory
from tests.factories.orders import order_for, product_of

pytestmark = pytest.mark.django_db

Status = Parcel.Status


@pytest.fixture
def seller():
    return SellerFactory()


@pytest.fixture
def parcel(seller):
    order = order_for(product_of(seller, stockrecord__price=Decimal("1000.00")))
    return parcel_for(order, seller)


def ship(parcel):
    advance(parcel, Status.IN_PREPARATION)
    set_tracking(parcel, "dhl-express", "JD0146000033")
    return advance(parcel, Status.SHIPPED)


def test_placing_opens_one_paid_parcel_per_seller():
    first, second = SellerFactory(), SellerFactory()
    order = order_for(product_of(first), product_of(first), product_of(second))
    create_parcels(order)
    parcels = Parcel.objects.filter(order=order)
    assert sorted(p.partner_id for p in parcels) == sorted([first.pk, second.pk])
    assert {p.status for p in parcels} == {Status.PAID}


def test_opening_twice_keeps_one_parcel_and_one_event(seller):
    order = order_for(product_of(seller))
    create_parcels(order)
    create_parcels(order)
    parcel_for(order, seller)
    assert Parcel.objects.filter(order=order).count() == 1
    assert ParcelEvent.objects.filter(parcel__order=order).count() == 1


def test_full_path_to_delivered(parcel):
    ship(parcel)
    delivered = advance(parcel, Status.DELIVERED)
    assert delivered.status == Status.DELIVERED
    assert delivered.preparing_at and delivered.shipped_at and delivered.delivered_at
    assert list(delivered.events.values_list("to_status", flat=True)) == [
        "paid",
        "in_preparation",
        "shipped",
        "delivered",
    ]


@pytest.mark.parametrize("target", [Status.SHIPPED, Status.DELIVERED])
def test_steps_cannot_be_skipped(parcel, target):
    set_tracking(parcel, "dhl-express", "JD0146000033")
    with pytest.raises(TransitionError):
        advance(parcel, target)
    parcel.refresh_from_db()
    assert parcel.status == Status.PAID


def test_no_going_back(parcel):
    ship(parcel)
    with pytest.raises(TransitionError):
        advance(parcel, Status.IN_PREPARATION)


@pytest.mark.parametrize(("service", "tracking"), [("", "JD0146000033"), ("dhl-express", " ")])
def test_shipping_needs_service_and_tracking(parcel, service, tracking):
    advance(parcel, Status.IN_PREPARATION)
    if service:
        set_tracking(parcel, service, tracking)
    with pytest.raises(TransitionError):
        advance(parcel, Status.SHIPPED)
    parcel.refresh_from_db()
    assert parcel.status == Status.IN_PREPARATION


def test_shipped_event_records_tracking(parcel):
    shipped = ship(parcel)
    event = shipped.events.get(to_status=Status.SHIPPED)
    assert (event.carrier, event.tracking_number) == ("dhl", "JD0146000033")
    assert event.from_status == Status.IN_PREPARATION


def test_status_is_copied_onto_the_sellers_order_lines_only():
    mine, theirs = SellerFactory(), SellerFactory()
    order = order_for(product_of(mine), product_of(theirs))
    advance(parcel_for(order, mine), Status.IN_PREPARATION)
    statuses = dict(order.lines.values_list("partner_id", "status"))
    assert statuses == {mine.pk: "in_preparation", theirs.pk: ""}


def test_repeating_the_current_status_changes_nothing(parcel):
    advance(parcel, Status.IN_PREPARATION)
    advance(parcel, Status.IN_PREPARATION)
    assert parcel.events.filter(to_status=Status.IN_PREPARATION).count() == 1


def test_events_cannot_be_changed_or_deleted(parcel):
    event = parcel.events.get()
    event.to_status = Status.DELIVERED
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        event.delete()


def test_shipping_credits_the_sellers_lines_held(parcel, seller, settings):
    settings.MARKETPLACE_COMMISSION_RATE = "0.12"
    settings.PAYOUT_MAX_DAYS_AFTER_SHIPMENT = 60
    shipped = ship(parcel)
    entry = LedgerEntry.objects.get(seller=seller)
    assert (entry.gross, entry.commission, entry.amount) == (
        Decimal("1000.00"),
        Decimal("120.00"),
        Decimal("880.00"),
    )
    assert entry.released_at is None
    assert entry.available_on == timezone.localdate(shipped.shipped_at) + timedelta(days=60)


def test_shipping_credits_only_this_sellers_lines():
    mine, theirs = SellerFactory(), SellerFactory()
    order = order_for(product_of(mine), product_of(theirs))
    parcel = parcel_for(order, mine)
    ship(parcel)
    assert set(LedgerEntry.objects.values_list("seller_id", flat=True)) == {mine.pk}


def test_the_sellers_own_delivered_moves_no_money(parcel, seller):
    ship(parcel)
    before = LedgerEntry.objects.get(seller=seller).available_on
    delivered = advance(parcel, Status.DELIVERED)
    assert delivered.tracked_delivered_at is None
    assert LedgerEntry.objects.get(seller=seller).available_on == before


def test_failed_credit_rolls_the_shipment_back(parcel, monkeypatch):
    from sellers.payouts import services

    advance(parcel, Status.IN_PREPARATION)
    set_tracking(parcel, "dhl-express", "JD0146000033")

    def fail(*args, **kwargs):
        raise RuntimeError("ledger down")

    monkeypatch.setattr(services, "credit_shipped_line", fail)
    with pytest.raises(RuntimeError):
        advance(parcel, Status.SHIPPED)
    parcel.refresh_from_db()
    assert parcel.status == Status.IN_PREPARATION
    assert not parcel.events.filter(to_status=Status.SHIPPED).exists()


def test_staff_sees_parcels_and_ledger_in_the_admin(client, parcel):
    admin = get_user_model().objects.create_superuser("boss", "boss@example.com", "x")
    client.force_login(admin)
    assert client.get("/django-admin/fulfilment/parcel/").status_code == 200
    url = f"/django-admin/fulfilment/parcel/{parcel.pk}/change/"
    assert client.get(url).status_code == 200
    assert client.get("/django-admin/payouts/ledgerentry/").status_code == 200
