""" "Can this piece reach this country" exists twice: ``can_reach`` in Python for one piece
(product page, basket, checkout) and ``blocked_ids`` in SQL for lists (the ships-to filter).
Over weights, sizes, values and service limits, for served and unserved countries, the two
agree on every product, and a piece said to reach a country gets a quote at checkout there."""

import itertools
from decimal import Decimal

import pytest

from shipping.models import Service
from shipping.reach import blocked_ids, can_reach, carrier_refusal, piece
from shipping.services import ParcelPlan, RateTable
from tests.factories.catalogue import ProductFactory, SellerFactory

pytestmark = pytest.mark.django_db
COUNTRIES = ("GB", "FR", "US", "JP", "BR")
WEIGHTS = (None, "0.5", "29.999", "30", "30.001", "40", "56")
DIMENSIONS = {
    "unknown": (None, None, None),
    "small": ("30", "30", "30"),
    "bulky": ("100", "80", "60"),  # 96 kg volumetric at 5000
    "long": ("200", "10", "10"),
}
PRICES = ("100", "60000")
HS_CODES = ("5701", "6912")
LIMITS = {
    "none": {},
    "express up to 20 kg": {"dhl-express": {"max_weight_kg": Decimal("20")}},
    "150 cm at most": {code: {"max_length_cm": Decimal("150")} for code in ("ems", "amana-intl")},
    "value caps": {
        "ems": {"max_value": Decimal("50000")},
        "amana-intl": {"max_value": Decimal("1000")},
        "dhl-express": {"max_value": Decimal("100")},
        "aramex-priority": {"max_value": Decimal("59999.99")},
    },
}


@pytest.fixture
def matrix(craft):
    seller = SellerFactory()
    products = []
    for weight, dims, price, hs_code in itertools.product(WEIGHTS, DIMENSIONS, PRICES, HS_CODES):
        length, width, height = (Decimal(d) if d else None for d in DIMENSIONS[dims])
        products.append(
            ProductFactory(
                category=craft,
                hs_code=hs_code,
                weight_kg=Decimal(weight) if weight else None,
                length_cm=length,
                width_cm=width,
                height_cm=height,
                stockrecord__seller=seller,
                stockrecord__price=Decimal(price),
            )
        )
    return products


def apply(limits):
    for service in Service.objects.all():
        service.max_weight_kg = service.max_length_cm = service.max_value = None
        for field, value in limits.get(service.code, {}).items():
            setattr(service, field, value)
        service.save()  # bumps the shipping tables' cache version


@pytest.mark.parametrize("limits", LIMITS)
def test_python_and_sql_agree_on_every_piece_and_country(matrix, limits):
    apply(LIMITS[limits])
    answers = set()
    for country in COUNTRIES:
        blocked = blocked_ids(country)
        for product in matrix:
            ok, reasons = can_reach(product, country)
            listed = blocked is not None and product.pk not in blocked
            assert ok == listed, (limits, country, product.weight_kg, product.length_cm, reasons)
            answers.add(ok)
    assert answers == {True, False}  # the cases are not all of one kind


@pytest.mark.parametrize("limits", LIMITS)
def test_a_piece_the_carriers_take_gets_a_quote_at_checkout(matrix, limits):
    apply(LIMITS[limits])
    for country in ("GB", "US", "JP"):
        table = RateTable.for_country(country)
        for product in matrix:
            plan = ParcelPlan(product.seller, [piece(product)])
            quoted = bool(table.quotes(plan))
            assert quoted == (carrier_refusal(product, country) is None), (limits, country)
