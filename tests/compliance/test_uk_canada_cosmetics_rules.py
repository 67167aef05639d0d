"""Each rule added for the United Kingdom, Canada and cosmetics, at its edge: no certificate, the
right certificate, the same certificate expired the day before; and the rule's legal source."""

import datetime

import pytest

from catalog.models import Product
from compliance.certificates.models import DestinationRule
from compliance.rules import can_ship, ships_to
from tests.factories.catalogue import ProductFactory
from tests.factories.compliance import CertificateFactory, ExportProfileFactory
from tests.support.dates import days_from_today

pytestmark = pytest.mark.django_db

# country, HS code, export profile, certificate type, standard on the certificate, source cited
RULES = {
    "GB food-contact ceramics": (
        "GB",
        "6912",
        {"food_contact": True},
        "declaration",
        "Declaration of compliance, SI 2012/2619 reg. 10",
        "SI 2012/2619",
    ),
    "GB chromium VI in leather": (
        "GB",
        "6403",
        None,
        "lab_test",
        "EN ISO 17075-1 chromium VI",
        "UK REACH",
    ),
    "CA glazed ceramics": (
        "CA",
        "6912",
        {"food_contact": True},
        "lab_test",
        "SOR/2016-175 migratable lead and cadmium",
        "SOR/2016-175",
    ),
    "CA lead in children's products": (
        "CA",
        "6304",
        {"for_children": True},
        "lab_test",
        "SOR/2018-83 total lead",
        "SOR/2018-83",
    ),
    "EU cosmetics CPNP notification (FR)": (
        "FR",
        "3304",
        None,
        "notification",
        "CPNP reference 1234567",
        "art. 13",
    ),
    "EU cosmetics responsible person (DE)": (
        "DE",
        "3401",
        None,
        "responsible_person",
        "EU responsible person: Argana GmbH",
        "art. 4",
    ),
    "GB cosmetics SCPN notification": (
        "GB",
        "3304",
        None,
        "notification",
        "SCPN 98765",
        "Schedule 34",
    ),
    "GB cosmetics responsible person": (
        "GB",
        "3304",
        None,
        "responsible_person",
        "UK responsible person: Argan Ltd",
        "Schedule 34",
    ),
    "US cosmetics MoCRA listing": (
        "US",
        "3304",
        None,
        "notification",
        "MoCRA product listing 4711",
        "MoCRA",
    ),
    "CA Cosmetic Notification Form": (
        "CA",
        "3401",
        None,
        "notification",
        "Cosmetic Notification Form 5555",
        "C.R.C., c. 869",
    ),
}
# Cosmetics need two papers in the EU and the UK: each test gives the piece the other one.
COMPANIONS = {
    ("notification", "CPNP"): ("responsible_person", "EU responsible person"),
    ("responsible_person", "EU responsible person"): ("notification", "CPNP"),
    ("notification", "SCPN"): ("responsible_person", "UK responsible person"),
    ("responsible_person", "UK responsible person"): ("notification", "SCPN"),
}


def companion(certificate_type, standard):
    for (kind, mention), other in COMPANIONS.items():
        if kind == certificate_type and mention in standard:
            return other
    return None


def piece_for(name):
    country, hs_code, profile, certificate_type, standard, _source = RULES[name]
    product = ProductFactory(hs_code=hs_code)
    if profile:
        ExportProfileFactory(product=product, **profile)
    other = companion(certificate_type, standard)
    if other:
        CertificateFactory(products=[product], type=other[0], standard=other[1])
    return country, product


def verdicts(product, country):
    ok, reasons = can_ship(product, country)
    listed = ships_to(Product.objects.filter(pk=product.pk), country).exists()
    assert ok is listed
    return ok, reasons


@pytest.mark.parametrize("name", RULES)
def test_without_the_certificate_the_piece_is_kept_out(name):
    country, product = piece_for(name)
    ok, reasons = verdicts(product, country)
    assert ok is False and len(reasons) == 1


@pytest.mark.parametrize("name", RULES)
def test_with_the_certificate_the_piece_ships(name):
    country, product = piece_for(name)
    _country, _hs, _profile, certificate_type, standard, _source = RULES[name]
    CertificateFactory(products=[product], type=certificate_type, standard=standard)
    assert verdicts(product, country) == (True, [])


@pytest.mark.parametrize("name", RULES)
def test_an_expired_certificate_does_not_count(name):
    country, product = piece_for(name)
    _country, _hs, _profile, certificate_type, standard, _source = RULES[name]
    CertificateFactory(
        products=[product], type=certificate_type, standard=standard, expires_on=days_from_today(-1)
    )
    assert verdicts(product, country)[0] is False


@pytest.mark.parametrize("name", RULES)
def test_the_rule_cites_its_legal_source(name):
    country, _hs, _profile, certificate_type, standard, source = RULES[name]
    destination = "EU" if country in ("FR", "DE") else country
    rules = DestinationRule.objects.filter(
        destination=destination, certificate_type=certificate_type, valid_to__isnull=True
    )
    rule = next(r for r in rules if r.standard_contains.lower() in standard.lower())
    assert source in rule.legal_source and rule.source_url.startswith("https://")


def test_uk_ceramics_before_november_2012_needed_a_declaration_under_si_2006_1179():
    _country, plate = piece_for("GB food-contact ceramics")
    day = datetime.date(2012, 11, 19)
    CertificateFactory(
        products=[plate],
        type="declaration",
        standard="Declaration under SI 2006/1179",
        issued_on=datetime.date(2010, 1, 1),
        expires_on=None,
    )
    assert can_ship(plate, "GB", on=day)[0] is True
    assert can_ship(plate, "GB", on=day + datetime.timedelta(days=1))[0] is False


@pytest.mark.parametrize("country", ["GB", "CA"])
def test_ceramics_marked_not_for_food_need_no_lead_paper(country):
    plate = ProductFactory(hs_code="6912")
    ExportProfileFactory(product=plate, marked_not_for_food=True)
    assert verdicts(plate, country) == (True, [])


def test_a_cosmetic_with_only_its_cpnp_notification_still_needs_a_responsible_person():
    soap = ProductFactory(hs_code="3401")
    CertificateFactory(products=[soap], type="notification", standard="CPNP 1234")
    ok, reasons = verdicts(soap, "FR")
    assert ok is False and "EU responsible person" in reasons[0]


def test_a_uk_notification_does_not_open_the_eu():
    oil = ProductFactory(hs_code="3304")
    CertificateFactory(products=[oil], type="notification", standard="SCPN 1")
    CertificateFactory(products=[oil], type="responsible_person", standard="UK responsible person")
    assert verdicts(oil, "GB")[0] is True
    assert verdicts(oil, "FR")[0] is False


def test_a_us_small_business_exemption_recorded_as_a_mocra_notification_counts():
    oil = ProductFactory(hs_code="3304")
    CertificateFactory(
        products=[oil], type="notification", standard="MoCRA s. 612 small business exemption"
    )
    assert verdicts(oil, "US") == (True, [])
