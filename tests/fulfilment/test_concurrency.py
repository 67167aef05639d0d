"""The shipped step and the parcel dispatch hold under concurrent requests (PostgreSQL)."""

import itertools

import pytest

from sellers.fulfilment import parcels as parcel_ops
from sellers.fulfilment import services
from sellers.fulfilment.models import Parcel
from sellers.fulfilment.parcels import parcel_for
from sellers.fulfilment.services import advance
from shipping import reference_load
from shipping.models import Service
from tests.factories.catalogue import SellerFactory
from tests.factories.orders import order_for, product_of
from tests.space.test_concurrency import run_together

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

Status = Parcel.Status


@pytest.fixture(autouse=True)
def carriers():
    """Transactional tests start from a flushed database: reload the carriers' tables."""

    if not Service.objects.exists():
        reference_load.load(reference_load.current_models)


@pytest.fixture
def seller():
    return SellerFactory(city="Safi")


@pytest.fixture
def order(seller):
    order = order_for(product_of(seller))
    advance(parcel_for(order, seller), Status.IN_PREPARATION)
    return order


def test_concurrent_shipped_steps_open_one_parcel_and_record_one_shipment(order, seller):
    results = run_together(lambda: services.ship(parcel_for(order, seller), "ems", "EE123456789MA"))
    assert all(isinstance(result, Parcel) for result in results), results
    assert Parcel.objects.filter(order=order, partner=seller).count() == 1
    assert parcel_for(order, seller).events.filter(to_status=Status.SHIPPED).count() == 1


def test_shipped_step_and_parcel_dispatch_at_once_record_one_shipment(order, seller):
    parcel = parcel_ops.parcel_for(order, seller)
    services.set_tracking(parcel, "ems", "EE123456789MA")
    targets = itertools.cycle(
        [
            lambda: services.ship(parcel_for(order, seller), "ems", "EE123456789MA"),
            lambda: services.dispatch(parcel),
        ]
    )
    results = run_together(lambda: next(targets)())
    assert not [result for result in results if isinstance(result, Exception)], results
    fulfilment = parcel_for(order, seller)
    assert fulfilment.status == Status.SHIPPED
    assert fulfilment.events.filter(to_status=Status.SHIPPED).count() == 1
