"""The service functions the checkout calls: a two-seller basket to the US and to France, DDP."""

import datetime
from decimal import Decimal

import pytest
from oscar.core.loading import get_class, get_model

from shipping.checkout import checkout_summary
from tests.compliance.test_landed_cost import RATES
from tests.factories.catalogue import ProductFactory, SellerFactory

pytestmark = pytest.mark.django_db
Basket = get_model("basket", "Basket")
Selector = get_class("partner.strategy", "Selector")
Repository = get_class("shipping.repository", "Repository")
DAY = datetime.date(2026, 9, 1)


@pytest.fixture
def basket():
    """A rug (2.5 kg) from a Marrakech artisan and a tagine plate (1 kg) from a Safi workshop."""
    marrakech, safi = SellerFactory(city="Marrakech"), SellerFactory(city="Safi")
    rug = ProductFactory(stockrecord__seller=marrakech, stockrecord__price=Decimal("2400"))
    plate = ProductFactory(
        hs_code="6912",
        weight_kg=Decimal("1"),
        stockrecord__seller=safi,
        stockrecord__price=Decimal("300"),
    )
    basket = Basket.objects.create()
    basket.strategy = Selector().strategy()
    basket.add_product(rug, 1)
    basket.add_product(plate, 2)
    return basket


def test_one_parcel_per_seller_with_its_origin_city(basket):
    summary = checkout_summary(basket, "US", on=DAY, rates=RATES)
    assert sorted(p.plan.origin_city for p in summary.parcels) == ["Marrakech", "Safi"]


def test_us_ddp_with_express_collects_duties_at_checkout(basket):
    summary = checkout_summary(basket, "US", incoterm="DDP", prefer="fastest", on=DAY, rates=RATES)
    assert all(p.quote.service.code == "dhl-express" for p in summary.parcels)
    assert all(p.incoterm == "DDP" for p in summary.parcels)
    # rug 5701: 0% + 10% surcharge on 2400; plates 6912: 9.8% + 10% on 600
    assert summary.duties_and_taxes_at_checkout == Decimal("358.80")
    assert summary.duties_and_taxes_on_delivery == Decimal("0")
    # DHL North America: 2.5 kg -> 5 kg bracket 1520; 2 kg -> 930
    assert summary.shipping == Decimal("2450.00")
    assert summary.total_at_checkout == Decimal("3000") + Decimal("2450") + Decimal("358.80")


def test_france_ddp_collects_flat_duty_and_vat(basket):
    summary = checkout_summary(basket, "FR", incoterm="DDP", prefer="fastest", on=DAY, rates=RATES)
    by_city = {p.plan.origin_city: p for p in summary.parcels}
    plates = by_city["Safi"].landed  # EUR 60 of goods: EUR 3 flat duty + VAT at checkout
    assert plates.duties == Decimal("30.00")
    assert plates.taxes == Decimal("270.00")  # 20% of (600 + 720 shipping + 30)
    rug = by_city["Marrakech"].landed  # EUR 240: above EUR 150, Moroccan origin duty-free
    assert rug.duties == Decimal("0")
    assert summary.duties_and_taxes_on_delivery == Decimal("0")


def test_ddp_falls_back_to_dap_on_a_postal_service(basket):
    summary = checkout_summary(
        basket, "US", choices={}, incoterm="DDP", prefer="cheapest", on=DAY, rates=RATES
    )
    assert all(p.quote.service.is_postal for p in summary.parcels)
    assert all(p.incoterm == "DAP" for p in summary.parcels)
    assert summary.duties_and_taxes_at_checkout == Decimal("0")
    assert summary.duties_and_taxes_on_delivery == Decimal("358.80")


def test_the_buyer_picks_a_service_per_parcel(basket):
    rug_seller = basket.all_lines()[0].stockrecord.partner
    summary = checkout_summary(
        basket, "US", choices={rug_seller.pk: "aramex-priority"}, on=DAY, rates=RATES
    )
    chosen = {p.plan.partner.pk: p.quote.service.code for p in summary.parcels}
    assert chosen[rug_seller.pk] == "aramex-priority"


def test_oscar_repository_offers_cheapest_and_fastest_summing_parcels(basket):
    Country = get_model("address", "Country")
    ShippingAddress = get_model("order", "ShippingAddress")
    country = Country.objects.create(iso_3166_1_a2="US", name="United States")
    address = ShippingAddress(country=country)
    methods = Repository().get_shipping_methods(basket, shipping_addr=address)
    assert [m.code for m in methods] == ["parcels-cheapest", "parcels-fastest"]
    assert methods[1].calculate(basket).incl_tax == Decimal("2450.00")
