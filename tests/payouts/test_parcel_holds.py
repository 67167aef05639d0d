"""Payouts follow the parcel: a credit is held until the carrier's tracking says delivered (plus
a hold period), or until a maximum time after shipment when tracking stays silent. The seller's
own "delivered" tap releases nothing."""

import datetime
import json
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from sellers.fulfilment.models import Parcel
from sellers.fulfilment.parcels import parcel_for
from sellers.payouts.models import LedgerEntry
from sellers.payouts.services import balance
from sellers.payouts.services import release_due_credits as release
from sellers.payouts.tasks import release_due_credits
from tests.factories.catalogue import SellerFactory
from tests.factories.orders import order_for, product_of
from tests.factories.tracking import barid_payload, signed_headers
from tests.factories.users import member_of

pytestmark = pytest.mark.django_db

Status = Parcel.Status
NET = Decimal("2942.72")  # 3,344 MAD less 12 %
SECRET = "barid-shared-secret"


@pytest.fixture(autouse=True)
def _rules(settings):
    settings.MARKETPLACE_COMMISSION_RATE = "0.12"
    settings.PAYOUT_HOLD_DAYS = 14
    settings.PAYOUT_MAX_DAYS_AFTER_SHIPMENT = 60
    settings.TRACKING_WEBHOOK_SECRETS = {"barid": SECRET, "dhl": ""}


@pytest.fixture
def seller():
    return SellerFactory()


@pytest.fixture
def member(client, seller):
    client.force_login(member_of(seller))
    return client


@pytest.fixture
def order(seller):
    return order_for(product_of(seller, stockrecord__price=Decimal("3344.00")))


def move(client, order, status, **data):
    url = reverse("seller_space:order-status", args=[order.number])
    return client.post(url, {"status": status, **data})


def ship(client, order):
    move(client, order, Status.IN_PREPARATION)
    move(client, order, Status.SHIPPED, service="ems", tracking_number="EE123456789MA")


def release_after(days):
    """The release, as the beat task runs it ``days`` from now."""
    return release(now=timezone.now() + datetime.timedelta(days=days))


def carrier_says_delivered(client, number="EE123456789MA", event_id="PM-1"):
    when = timezone.now().isoformat()
    body = json.dumps(barid_payload(number, "LIV", event_id=event_id, date=when)).encode()
    url = reverse("tracking:webhook", args=["barid"])
    return client.post(url, body, content_type="application/json", **signed_headers(SECRET, body))


def test_shipping_records_the_credit_held(member, seller, order):
    ship(member, order)
    figures = balance(seller)
    assert (figures["pending"], figures["available"]) == (NET, Decimal("0.00"))


def test_the_sellers_delivered_tap_does_not_release_money(member, seller, order):
    ship(member, order)
    move(member, order, Status.DELIVERED, confirmed="yes")
    assert parcel_for(order, seller).status == Status.DELIVERED
    release_after(15)
    assert balance(seller)["available"] == Decimal("0.00")


def test_credit_held_then_released_by_a_delivered_tracking_event_after_the_hold(
    client, member, seller, order
):
    ship(member, order)
    assert carrier_says_delivered(client).status_code == 200
    parcel = parcel_for(order, seller)
    assert parcel.status == Status.DELIVERED and parcel.tracked_delivered_at
    assert release_after(13) == 0
    assert balance(seller)["available"] == Decimal("0.00")
    assert release_after(14) == 1
    assert balance(seller)["available"] == NET


def test_tracking_after_the_sellers_tap_still_starts_the_hold(client, member, seller, order):
    ship(member, order)
    move(member, order, Status.DELIVERED, confirmed="yes")
    carrier_says_delivered(client)
    assert release_after(14) == 1
    assert balance(seller)["available"] == NET


def test_silent_tracking_is_released_at_the_maximum_time_after_shipment(member, seller, order):
    ship(member, order)
    assert release_after(59) == 0
    assert balance(seller)["available"] == Decimal("0.00")
    assert release_after(60) == 1
    assert balance(seller)["available"] == NET


def test_releasing_twice_releases_once(member, seller, order):
    ship(member, order)
    release_after(60)
    first = LedgerEntry.objects.get().released_at
    assert release_after(61) == 0
    assert LedgerEntry.objects.get().released_at == first


def test_the_beat_task_releases_due_credits(member, seller, order):
    ship(member, order)
    LedgerEntry.objects.update(available_on=timezone.localdate())
    assert release_due_credits.delay().get() == 1
    assert release_due_credits.delay().get() == 0
    assert balance(seller)["available"] == NET
