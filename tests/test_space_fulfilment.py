"""Per-seller fulfilment: explicit transitions, append-only history, credits on delivery."""

from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from oscar.apps.order.signals import order_placed

from sellers.fulfilment.models import AppendOnlyError, Fulfilment, FulfilmentEvent
from sellers.fulfilment.services import (
    TransitionError,
    advance,
    fulfilment_for,
    open_fulfilments_for_order,
)
from sellers.payouts.models import LedgerEntry
from tests.factories import SellerFactory
from tests.factories_space import order_for, product_of

pytestmark = pytest.mark.django_db

Status = Fulfilment.Status


@pytest.fixture
def seller():
    return SellerFactory()


@pytest.fixture
def fulfilment(seller):
    order = order_for(product_of(seller, stockrecord__price=Decimal("1000.00")))
    return fulfilment_for(order, seller)


def ship(fulfilment):
    advance(fulfilment, Status.IN_PREPARATION)
    return advance(fulfilment, Status.SHIPPED, carrier="dhl", tracking_number="JD0146000033")


def test_order_placed_opens_one_paid_fulfilment_per_seller():
    first, second = SellerFactory(), SellerFactory()
    order = order_for(product_of(first), product_of(first), product_of(second))
    order_placed.send(sender=None, order=order, user=None)
    fulfilments = Fulfilment.objects.filter(order=order)
    assert sorted(f.seller_id for f in fulfilments) == sorted([first.pk, second.pk])
    assert {f.status for f in fulfilments} == {Status.PAID}


def test_opening_twice_keeps_one_fulfilment_and_one_event(seller):
    order = order_for(product_of(seller))
    open_fulfilments_for_order(order)
    open_fulfilments_for_order(order)
    assert Fulfilment.objects.filter(order=order).count() == 1
    assert FulfilmentEvent.objects.filter(fulfilment__order=order).count() == 1


def test_full_path_to_delivered(fulfilment):
    ship(fulfilment)
    delivered = advance(fulfilment, Status.DELIVERED)
    assert delivered.status == Status.DELIVERED
    assert delivered.preparing_at and delivered.shipped_at and delivered.delivered_at
    assert list(delivered.events.values_list("to_status", flat=True)) == [
        "paid",
        "in_preparation",
        "shipped",
        "delivered",
    ]


@pytest.mark.parametrize("target", [Status.SHIPPED, Status.DELIVERED])
def test_steps_cannot_be_skipped(fulfilment, target):
    with pytest.raises(TransitionError):
        advance(fulfilment, target, carrier="dhl", tracking_number="JD0146000033")
    fulfilment.refresh_from_db()
    assert fulfilment.status == Status.PAID


def test_no_going_back(fulfilment):
    ship(fulfilment)
    with pytest.raises(TransitionError):
        advance(fulfilment, Status.IN_PREPARATION)


@pytest.mark.parametrize(("carrier", "tracking"), [("", "JD0146000033"), ("dhl", " ")])
def test_shipping_needs_carrier_and_tracking(fulfilment, carrier, tracking):
    advance(fulfilment, Status.IN_PREPARATION)
    with pytest.raises(TransitionError):
        advance(fulfilment, Status.SHIPPED, carrier=carrier, tracking_number=tracking)


def test_shipped_event_records_tracking(fulfilment):
    shipped = ship(fulfilment)
    event = shipped.events.get(to_status=Status.SHIPPED)
    assert (event.carrier, event.tracking_number) == ("dhl", "JD0146000033")
    assert event.from_status == Status.IN_PREPARATION


def test_status_is_copied_onto_the_sellers_order_lines_only():
    mine, theirs = SellerFactory(), SellerFactory()
    order = order_for(product_of(mine), product_of(theirs))
    advance(fulfilment_for(order, mine), Status.IN_PREPARATION)
    statuses = dict(order.lines.values_list("partner_id", "status"))
    assert statuses == {mine.pk: "in_preparation", theirs.pk: ""}


def test_repeating_the_current_status_changes_nothing(fulfilment):
    advance(fulfilment, Status.IN_PREPARATION)
    advance(fulfilment, Status.IN_PREPARATION)
    assert fulfilment.events.filter(to_status=Status.IN_PREPARATION).count() == 1


def test_events_cannot_be_changed_or_deleted(fulfilment):
    event = fulfilment.events.get()
    event.to_status = Status.DELIVERED
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        event.delete()


def test_delivery_credits_the_sellers_lines(fulfilment, seller, settings):
    settings.MARKETPLACE_COMMISSION_RATE = "0.12"
    ship(fulfilment)
    advance(fulfilment, Status.DELIVERED)
    entry = LedgerEntry.objects.get(seller=seller)
    assert (entry.gross, entry.commission, entry.amount) == (
        Decimal("1000.00"),
        Decimal("120.00"),
        Decimal("880.00"),
    )


def test_delivery_credits_only_this_sellers_lines():
    mine, theirs = SellerFactory(), SellerFactory()
    order = order_for(product_of(mine), product_of(theirs))
    fulfilment = fulfilment_for(order, mine)
    ship(fulfilment)
    advance(fulfilment, Status.DELIVERED)
    assert set(LedgerEntry.objects.values_list("seller_id", flat=True)) == {mine.pk}


def test_failed_credit_rolls_the_delivery_back(fulfilment, monkeypatch):
    from sellers.payouts import services

    ship(fulfilment)

    def fail(*args, **kwargs):
        raise RuntimeError("ledger down")

    monkeypatch.setattr(services, "credit_delivered_line", fail)
    with pytest.raises(RuntimeError):
        advance(fulfilment, Status.DELIVERED)
    fulfilment.refresh_from_db()
    assert fulfilment.status == Status.SHIPPED
    assert not fulfilment.events.filter(to_status=Status.DELIVERED).exists()


def test_staff_sees_fulfilments_and_ledger_in_the_admin(client, fulfilment):
    admin = get_user_model().objects.create_superuser("boss", "boss@example.com", "x")
    client.force_login(admin)
    assert client.get("/django-admin/fulfilment/fulfilment/").status_code == 200
    url = f"/django-admin/fulfilment/fulfilment/{fulfilment.pk}/change/"
    assert client.get(url).status_code == 200
    assert client.get("/django-admin/payouts/ledgerentry/").status_code == 200
