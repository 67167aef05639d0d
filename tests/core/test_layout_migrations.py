"""A database seeded under the previous layout migrates to the new one with its data, and back.

The previous layout: import regimes and duty rates in the shipping app; parcels and their
papers in the shipping app beside a Fulfilment row per order and seller, with its events. The
migrations move the models with SeparateDatabaseAndState (tables renamed, never dropped) and
fold each Fulfilment into its parcel.
"""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

pytestmark = pytest.mark.django_db(transaction=True)

OLD_LAYOUT = [
    ("shipping", "0007_parcel_shipping_refunded"),
    ("fulfilment", "0002_carrier_from_shipping_table"),
    ("compliance", None),
    ("order_status", None),  # its data migration reads the parcels where they are now
]


def migrate(targets):
    """Migrate to ``targets`` (``(app, None)``: no migration of that app) and return the
    historical models there."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    loader = MigrationExecutor(connection).loader
    moved = {app for app, _name in targets}
    others = [leaf for leaf in loader.graph.leaf_nodes() if leaf[0] not in moved]
    nodes = others + [target for target in targets if target[1] is not None]
    return loader.project_state(nodes).apps


def latest():
    executor = MigrationExecutor(connection)
    return executor.loader.graph.leaf_nodes()


def seed_old_layout(apps):
    """Two orders, two sellers: a shipped parcel with its fulfilment and events, a fulfilment
    whose order has no parcel yet, regimes and duty rates, a user granted check_parcel."""
    now = timezone.now()
    Region = apps.get_model("catalogue", "Region")
    Partner = apps.get_model("partner", "Partner")
    Order = apps.get_model("order", "Order")
    Carrier = apps.get_model("shipping", "Carrier")
    Service = apps.get_model("shipping", "Service")
    Parcel = apps.get_model("shipping", "Parcel")
    Fulfilment = apps.get_model("fulfilment", "Fulfilment")
    FulfilmentEvent = apps.get_model("fulfilment", "FulfilmentEvent")
    ImportRegime = apps.get_model("shipping", "ImportRegime")
    DutyRate = apps.get_model("shipping", "DutyRate")
    region, _ = Region.objects.get_or_create(code="fes-meknes", defaults={"name": "Fès-Meknès"})
    safi = Partner.objects.create(name="Atelier Safi", slug="atelier-safi", city="Safi")
    amal = Partner.objects.create(name="Cooperative Amal", slug="coop-amal", city="Fès")
    money = {"total_incl_tax": Decimal("500"), "total_excl_tax": Decimal("500")}
    first = Order.objects.create(number="OLD-1", currency="MAD", date_placed=now, **money)
    second = Order.objects.create(number="OLD-2", currency="MAD", date_placed=now, **money)
    carrier = Carrier.objects.create(code="old-post", name="Old post")
    service = Service.objects.create(
        carrier=carrier, code="old-ems", name="EMS", transit_days_min=4, transit_days_max=8
    )
    parcel = Parcel.objects.create(
        order=first,
        partner=safi,
        service=service,
        origin_city="Safi",
        tracking_number="EE123456789MA",
        dispatched_at=now,
    )
    shipped = Fulfilment.objects.create(
        order=first,
        seller=safi,
        status="shipped",
        carrier="old-post",
        tracking_number="EE123456789MA",
        preparing_at=now - datetime.timedelta(days=1),
        shipped_at=now,
    )
    for source, target in (("", "paid"), ("paid", "in_preparation"), ("in_preparation", "shipped")):
        FulfilmentEvent.objects.create(fulfilment=shipped, from_status=source, to_status=target)
    waiting = Fulfilment.objects.create(order=second, seller=amal, status="in_preparation")
    FulfilmentEvent.objects.create(fulfilment=waiting, to_status="paid")
    ImportRegime.objects.create(country="ZZ", valid_from=now.date(), currency="EUR")
    DutyRate.objects.create(country="ZZ", hs_prefix="69", rate=Decimal("5"), valid_from=now.date())
    return {"parcel": parcel.pk, "first": first.pk, "second": second.pk}


def counts(apps, app_label):
    return {
        name: apps.get_model(app_label, name).objects.count()
        for name in ("ImportRegime", "DutyRate")
    }


@pytest.fixture
def previous_layout():
    """The database at the previous layout; at the latest migrations again afterwards, whatever
    the test did."""
    yield migrate(OLD_LAYOUT)
    migrate(latest())


def test_the_previous_layout_migrates_with_every_row_and_back(previous_layout):
    old = previous_layout
    seeded = seed_old_layout(old)
    before = counts(old, "shipping")
    ContentType = old.get_model("contenttypes", "ContentType")
    old_type = ContentType.objects.get(app_label="shipping", model="parcel").pk

    new = migrate(latest())
    assert counts(new, "compliance") == before
    Parcel = new.get_model("fulfilment", "Parcel")
    assert Parcel.objects.count() == 2
    shipped = Parcel.objects.get(pk=seeded["parcel"])
    assert (shipped.status, shipped.tracking_number) == ("shipped", "EE123456789MA")
    assert shipped.shipped_at is not None and shipped.preparing_at is not None
    assert list(shipped.events.order_by("pk").values_list("to_status", flat=True)) == [
        "paid",
        "in_preparation",
        "shipped",
    ]
    opened = Parcel.objects.get(order_id=seeded["second"])
    assert (opened.status, opened.origin_city) == ("in_preparation", "Fès")
    assert opened.events.count() == 1
    moved = new.get_model("contenttypes", "ContentType").objects.get(pk=old_type)
    assert (moved.app_label, moved.model) == ("fulfilment", "parcel")

    back = migrate(OLD_LAYOUT)
    assert counts(back, "shipping") == before
    Fulfilment = back.get_model("fulfilment", "Fulfilment")
    rebuilt = Fulfilment.objects.get(order_id=seeded["first"])
    assert (rebuilt.status, rebuilt.carrier, rebuilt.tracking_number) == (
        "shipped",
        "old-post",
        "EE123456789MA",
    )
    assert rebuilt.events.count() == 3
    assert back.get_model("shipping", "Parcel").objects.count() == 2
