"""Payouts follow the parcel: a credit is held until the carrier's tracking says delivered (plus
a hold period), or until a maximum time after shipment when tracking stays silent. The seller's
own "delivered" tap releases nothing."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from sellers.fulfilment.models import Parcel
from sellers.fulfilment.parcels import parcel_for
from sellers.payouts.services import balance
from tests.factories.catalogue import SellerFactory
from tests.factories.orders import order_for, product_of
from tests.factories.users import member_of

pytestmark = pytest.mark.django_db

Status = Parcel.Status


@pytest.fixture(autouse=True)
def _rules(settings):
    settings.MARKETPLACE_COMMISSION_RATE = "0.12"
    settings.PAYOUT_HOLD_DAYS = 14
    settings.PAYOUT_MAX_DAYS_AFTER_SHIPMENT = 60


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


def test_the_sellers_delivered_tap_does_not_release_money(member, seller, order):
    move(member, order, Status.IN_PREPARATION)
    move(member, order, Status.SHIPPED, service="ems", tracking_number="EE123456789MA")
    move(member, order, Status.DELIVERED)
    assert parcel_for(order, seller).status == Status.DELIVERED
    later = timezone.localdate() + datetime.timedelta(days=15)
    assert balance(seller, today=later)["available"] == Decimal("0.00")
