"""The destination rules exist twice: ``can_ship`` decides for one piece in Python, ``ships_to``
filters a list in SQL. Over every product kind, export profile and certificate state, for every
destination, the two agree on every product."""

import itertools

import pytest
from oscar.core.loading import get_model

from compliance.certificates.models import DestinationRule
from compliance.rules import can_ship, ships_to
from marketplace.core.countries import destinations_of
from tests.factories.catalogue import CategoryFactory, ProductFactory, SellerFactory
from tests.factories.compliance import CertificateFactory, ExportProfileFactory
from tests.support.dates import days_from_today

Product = get_model("catalogue", "Product")
DESTINATIONS = ("US", "FR", "DE", "ES", "GB", "CA")
# One HS code per kind the rules name, a code no rule names, and a code left to the craft.
HS_CODES = ("6912", "6913", "4202", "4420", "4602", "3304", "3401", "5701", "9405", "")
PROFILES = {
    "none": None,
    "food ware": {"food_contact": True},
    "marked not for food": {"food_contact": True, "marked_not_for_food": True},
    "for children": {"for_children": True},
    "in lot L-1": {"current_lot": "L-1"},
}
CERTIFICATES = {
    "none": None,
    "valid, every lot": {},
    "valid, lot L-1": {"lot_codes": "L-1"},
    "valid, lot L-2": {"lot_codes": "L-2"},
    "expired": {"expires_in_days": -1},
    "not verified": {"verified_at": None},
}


def certificate_dates(state):
    """A state's fields, its ``expires_in_days`` made a date from today."""
    fields = dict(state)
    if "expires_in_days" in fields:
        fields["expires_on"] = days_from_today(fields.pop("expires_in_days"))
    return fields


@pytest.fixture
def matrix(db):
    """A product per (HS code, profile, certificate state); a certificate state gives the
    product one certificate of each type and standard the rules in force ask for."""
    seller = SellerFactory()
    pottery = CategoryFactory(hs_heading="6912")
    asked = set(DestinationRule.objects.values_list("certificate_type", "standard_contains"))
    products = []
    for hs_code, profile, state in itertools.product(HS_CODES, PROFILES, CERTIFICATES):
        product = ProductFactory(
            hs_code=hs_code,
            category=pottery if not hs_code else None,
            stockrecord__seller=seller,
        )
        if PROFILES[profile] is not None:
            ExportProfileFactory(product=product, **PROFILES[profile])
        if CERTIFICATES[state] is not None:
            for certificate_type, standard in asked:
                CertificateFactory(
                    partner=seller,
                    products=[product],
                    type=certificate_type,
                    standard=f"{standard} test".strip(),
                    **certificate_dates(CERTIFICATES[state]),
                )
        products.append(product)
    return products


@pytest.mark.parametrize("country", DESTINATIONS)
def test_can_ship_and_ships_to_agree_on_every_case(matrix, country):
    expected = {product.pk for product in matrix if can_ship(product, country)[0]}
    found = set(
        ships_to(Product.objects.filter(pk__in=[p.pk for p in matrix]), country).values_list(
            "pk", flat=True
        )
    )
    assert found == expected
    rules_apply = DestinationRule.objects.filter(destination__in=destinations_of(country))
    assert expected != {p.pk for p in matrix} or not rules_apply.exists()
