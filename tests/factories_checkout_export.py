"""Factories and helpers for checkouts that ship abroad: countries, addresses, export pieces."""

from decimal import Decimal

from tests.factories import ProductFactory, SellerFactory
from tests.factories_checkout import CountryFactory

COUNTRIES = {
    "US": ("USA", "840", "United States"),
    "CA": ("CAN", "124", "Canada"),
    "FR": ("FRA", "250", "France"),
}
ADDRESSES = {
    "US": {"line1": "12 Harbor Street", "line4": "Boston", "postcode": "02110"},
    "CA": {"line1": "350 Rue Saint-Paul", "line4": "Montréal", "postcode": "H2Y 1H2"},
    "FR": {"line1": "12 rue des Arts", "line4": "Lyon", "postcode": "69001"},
}


def country(code):
    a3, numeric, name = COUNTRIES[code]
    return CountryFactory(
        iso_3166_1_a2=code,
        iso_3166_1_a3=a3,
        iso_3166_1_numeric=numeric,
        name=name,
        printable_name=name,
    )


def address_in(code):
    country(code)
    return {
        "first_name": "Claire",
        "last_name": "Martin",
        "phone_number": "",
        "country": code,
        **ADDRESSES[code],
    }


def rug_and_lantern():
    """A rug (HS 5701, 2.5 kg, 2400 MAD) from Marrakech and a brass lantern (HS 9405, 1 kg,
    300 MAD) from Fès: two sellers, two parcels."""
    rug = ProductFactory(
        title_en="Beni Ouarain rug",
        stockrecord__seller=SellerFactory(name="Atelier Marrakech", city="Marrakech"),
        stockrecord__price=Decimal("2400.00"),
    )
    lantern = ProductFactory(
        title_en="Brass lantern",
        hs_code="9405",
        weight_kg=Decimal("1"),
        stockrecord__seller=SellerFactory(name="Dinanderie Fès", city="Fès"),
        stockrecord__price=Decimal("300.00"),
    )
    return rug, lantern
