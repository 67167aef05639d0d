"""Rate brackets, volumetric weight and per-seller parcels."""

from decimal import Decimal
from types import SimpleNamespace

import pytest

from shipping.services import ParcelItem, ParcelPlan, RateTable, plan_parcels, quote_parcels
from tests.factories.catalogue import ProductFactory, SellerFactory
from tests.factories.shipping import RateFactory, ServiceFactory, ZoneFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def express():
    """A volumetric express service to FR/US with three brackets (others removed)."""
    from shipping.models import Service

    Service.objects.update(is_active=False)
    service = ServiceFactory(bills_volumetric_weight=True, transit_days_min=2, transit_days_max=4)
    zone = ZoneFactory(carrier=service.carrier, countries="FR,US")
    for weight, price in (("0.5", "100"), ("1", "150"), ("2", "220")):
        RateFactory(service=service, zone=zone, max_weight_kg=Decimal(weight), price=Decimal(price))
    return service


def plan_of(*products, quantities=None, seller=None):
    seller = seller or SellerFactory()
    items = [
        ParcelItem(p, (quantities or {}).get(i, 1), Decimal("100")) for i, p in enumerate(products)
    ]
    return ParcelPlan(seller, items)


def product(weight, dims=(None, None, None)):
    length, width, height = (Decimal(d) if d else None for d in dims)
    return SimpleNamespace(
        weight_kg=Decimal(weight), length_cm=length, width_cm=width, height_cm=height
    )


def test_weight_at_a_bracket_edge_takes_that_bracket(express):
    table = RateTable.for_country("FR")
    assert table.price(express, Decimal("0.5")) == Decimal("100")


def test_weight_just_above_a_bracket_edge_takes_the_next(express):
    table = RateTable.for_country("FR")
    assert table.price(express, Decimal("0.501")) == Decimal("150")


def test_weight_above_the_last_bracket_has_no_price(express):
    table = RateTable.for_country("FR")
    assert table.price(express, Decimal("2.001")) is None


def test_country_outside_every_zone_gets_no_quote(express):
    plan = plan_of(product("0.4"))
    assert quote_parcels([plan], "JP")[0].quotes == []


def test_volumetric_weight_is_volume_over_5000():
    plan = plan_of(product("0.2", ("50", "40", "30")))
    assert plan.volumetric_weight_kg() == Decimal("12")


def test_chargeable_weight_is_the_larger_on_a_volumetric_service(express):
    plan = plan_of(product("0.4", ("20", "20", "10")))  # volumetric 0.8 kg
    assert plan.chargeable_weight_kg(express) == Decimal("0.8")
    quote = quote_parcels([plan], "FR")[0].quotes[0]
    assert quote.price == Decimal("150")


def test_actual_weight_wins_when_heavier_than_volumetric(express):
    plan = plan_of(product("0.9", ("10", "10", "10")))  # volumetric 0.2 kg
    assert plan.chargeable_weight_kg(express) == Decimal("0.9")


def test_postal_service_bills_actual_weight_only(express):
    postal = ServiceFactory(bills_volumetric_weight=False)
    plan = plan_of(product("0.4", ("50", "40", "30")))
    assert plan.chargeable_weight_kg(postal) == Decimal("0.4")


def test_quantity_multiplies_weight_and_volume():
    plan = plan_of(product("0.5", ("10", "10", "10")), quantities={0: 3})
    assert plan.weight_kg == Decimal("1.5")
    assert plan.volume_cm3 == Decimal("3000")


def test_delivery_estimate_adds_processing_days_to_transit(express, settings):
    settings.SHIPPING_DEFAULT_PROCESSING_DAYS = 3
    quote = quote_parcels([plan_of(product("0.4"))], "US")[0].quotes[0]
    assert (quote.delivery_days_min, quote.delivery_days_max) == (5, 7)


def test_product_processing_days_override_the_default(express):
    slow = product("0.4")
    slow.processing_days = 10
    quote = quote_parcels([plan_of(slow)], "US")[0].quotes[0]
    assert quote.delivery_days_max == 14


def test_cheapest_and_fastest_are_marked(express):
    slow = ServiceFactory(
        carrier=express.carrier, transit_days_min=8, transit_days_max=15, code="slow-post"
    )
    zone = express.carrier.zones.get()
    RateFactory(service=slow, zone=zone, max_weight_kg=Decimal("2"), price=Decimal("60"))
    parcel = quote_parcels([plan_of(product("0.4"))], "FR")[0]
    assert parcel.cheapest.service == slow
    assert parcel.fastest.service == express


def test_lines_split_into_one_parcel_per_seller_from_its_city():
    atlas, fes = SellerFactory(city="Marrakech"), SellerFactory(city="Fès")
    lines = [
        SimpleNamespace(product=p, quantity=1, partner=s, unit_price_excl_tax=Decimal("10"))
        for p, s in (
            (ProductFactory(stockrecord__seller=atlas), atlas),
            (ProductFactory(stockrecord__seller=fes), fes),
            (ProductFactory(stockrecord__seller=atlas), atlas),
        )
    ]
    plans = plan_parcels(lines)
    assert [(p.origin_city, len(p.items)) for p in plans] == [("Marrakech", 2), ("Fès", 1)]


def test_seeded_tables_quote_every_service_to_the_us():
    plan = plan_of(product("1.2", ("30", "20", "15")))
    codes = {q.service.code for q in quote_parcels([plan], "US")[0].quotes}
    assert codes == {"amana-intl", "ems", "dhl-express", "aramex-priority"}


def test_demo_export_seed_is_idempotent_and_covers_every_case():
    from compliance.certificates.models import Certificate, ExportProfile
    from demo.export import seed_export
    from shipping.models import Rate

    potter = SellerFactory(kind="cooperative")
    plates = [ProductFactory(hs_code="6912", stockrecord__seller=potter) for _ in range(4)]
    seed_export()
    counts = (Rate.objects.count(), Certificate.objects.count(), ExportProfile.objects.count())
    seed_export()
    assert (Rate.objects.count(), Certificate.objects.count(), ExportProfile.objects.count()) == (
        counts
    )
    covered = set(Certificate.objects.filter(type="lab_test").values_list("products", flat=True))
    assert covered == {plates[0].pk, plates[2].pk}
    assert potter.shipping_settings.packing_check_required
