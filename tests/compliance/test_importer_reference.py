"""The importer's reference on CN22/CN23: the marketplace's IOSS or UK VAT number, only up to
the value where the destination collects VAT at the sale (EUR 150, GBP 135)."""

from decimal import Decimal

import pytest

from compliance.importer import importer_reference
from compliance.models import ImportRegime
from shipping import reference_load

pytestmark = pytest.mark.django_db
IOSS, UK_VAT = "IM5040000123", "GB123456789"
EUR_150_IN_MAD = Decimal("1621.62")  # 150 / 0.0925 (the default rate table)
GBP_135_IN_MAD = Decimal("1666.66")  # 135 / 0.081


@pytest.fixture(autouse=True)
def _registrations(settings):
    settings.CUSTOMS_IOSS_NUMBER = IOSS
    settings.CUSTOMS_UK_VAT_NUMBER = UK_VAT
    if not ImportRegime.objects.exists():
        reference_load.load(reference_load.current_models)


@pytest.mark.parametrize("country", ["FR", "DE"])
def test_an_eu_parcel_up_to_eur_150_names_the_ioss_number(country):
    assert importer_reference(country, EUR_150_IN_MAD) == f"IOSS {IOSS}"


def test_an_eu_parcel_over_eur_150_names_none():
    assert importer_reference("FR", EUR_150_IN_MAD + Decimal("0.01")) == ""


def test_a_uk_parcel_up_to_gbp_135_names_the_uk_vat_number():
    assert importer_reference("GB", GBP_135_IN_MAD) == f"VAT {UK_VAT}"


def test_a_uk_parcel_over_gbp_135_names_none():
    assert importer_reference("GB", GBP_135_IN_MAD + Decimal("0.01")) == ""


@pytest.mark.parametrize("country", ["US", "CA"])
def test_north_america_names_none(country):
    assert importer_reference(country, Decimal("100")) == ""


def test_without_a_registration_configured_none_is_printed(settings):
    settings.CUSTOMS_IOSS_NUMBER = ""
    assert importer_reference("FR", Decimal("100")) == ""
