"""can_ship and the ships_to filter apply the destination rules at their edges."""

import datetime

import pytest

from catalog.models import Product
from compliance.rules import can_ship, ships_to
from tests.factories.catalogue import CategoryFactory, ProductFactory
from tests.factories.compliance import CertificateFactory, ExportProfileFactory
from tests.support.dates import today

pytestmark = pytest.mark.django_db


@pytest.fixture
def plate():
    return ProductFactory(hs_code="6912")


def test_tableware_to_the_us_without_a_report_cannot_ship(plate):
    ok, reasons = can_ship(plate, "US")
    assert ok is False
    assert "ASTM C738" in reasons[0] and "United States" in reasons[0]


def test_tableware_to_the_us_ships_with_a_verified_lead_cadmium_report(plate):
    CertificateFactory(products=[plate])
    assert can_ship(plate, "US") == (True, [])


def test_an_unverified_report_does_not_count(plate):
    CertificateFactory(products=[plate], verified_at=None)
    assert can_ship(plate, "US")[0] is False


def test_a_report_for_another_standard_does_not_count(plate):
    CertificateFactory(products=[plate], standard="EN 1388-1")
    assert can_ship(plate, "US")[0] is False


def test_a_report_covering_another_product_does_not_count(plate):
    CertificateFactory(products=[ProductFactory(hs_code="6912")])
    assert can_ship(plate, "US")[0] is False


def test_a_report_is_valid_on_its_expiry_day(plate):
    CertificateFactory(products=[plate], expires_on=today())
    assert can_ship(plate, "US", on=today())[0] is True


def test_a_report_is_invalid_the_day_after_expiry(plate):
    CertificateFactory(products=[plate], expires_on=today())
    assert can_ship(plate, "US", on=today() + datetime.timedelta(days=1))[0] is False


def test_a_report_is_invalid_before_its_issue_day(plate):
    CertificateFactory(products=[plate], issued_on=today() + datetime.timedelta(days=1))
    assert can_ship(plate, "US", on=today())[0] is False


def test_decorative_piece_marked_not_for_food_ships_to_the_us(plate):
    ExportProfileFactory(product=plate, marked_not_for_food=True)
    assert can_ship(plate, "US") == (True, [])


def test_food_contact_ceramics_to_the_eu_need_a_declaration(plate):
    ok, reasons = can_ship(plate, "FR")
    assert ok is False and "84/500/EEC" in reasons[0]
    CertificateFactory(products=[plate], type="declaration", standard="Directive 84/500/EEC")
    assert can_ship(plate, "FR")[0] is True


def test_decorative_ceramics_ship_to_the_us_without_a_report():
    vase = ProductFactory(hs_code="6913")
    assert can_ship(vase, "US") == (True, [])


def test_a_decorative_heading_flagged_food_contact_needs_the_report():
    bowl = ProductFactory(hs_code="6913")
    ExportProfileFactory(product=bowl, food_contact=True)
    assert can_ship(bowl, "US")[0] is False


def test_leather_to_the_eu_needs_a_chromium_vi_report():
    bag = ProductFactory(hs_code="4202")
    assert can_ship(bag, "DE")[0] is False
    CertificateFactory(products=[bag], standard="EN ISO 17075 chromium VI < 3 mg/kg")
    assert can_ship(bag, "DE")[0] is True


def test_leather_to_the_us_needs_nothing():
    assert can_ship(ProductFactory(hs_code="4202"), "US") == (True, [])


def test_wood_to_the_us_needs_a_lacey_act_declaration():
    box = ProductFactory(hs_code="4420")
    assert can_ship(box, "US")[0] is False
    CertificateFactory(products=[box], type="lacey_act", standard="")
    assert can_ship(box, "US")[0] is True


def test_childrens_items_to_the_us_need_a_cpsia_certificate():
    doll = ProductFactory(hs_code="6304")
    ExportProfileFactory(product=doll, for_children=True)
    assert can_ship(doll, "US")[0] is False


def test_hs_code_falls_back_to_the_craft_heading():
    pottery = CategoryFactory(hs_heading="6912")
    plate = ProductFactory(hs_code="", category=pottery)
    assert can_ship(plate, "US")[0] is False


def test_a_rule_not_yet_in_force_does_not_apply(plate):
    from compliance.certificates.models import DestinationRule

    DestinationRule.objects.filter(destination="US").update(valid_from=today())
    assert can_ship(plate, "US", on=today() - datetime.timedelta(days=1))[0] is True
    assert can_ship(plate, "US", on=today())[0] is False


def test_a_country_no_carrier_serves_is_refused():
    from shipping.reach import can_reach

    ok, reasons = can_reach(ProductFactory(), "BR")
    assert ok is False and "Brazil" in reasons[0]


def test_ships_to_filter_agrees_with_can_ship():
    cases = [
        ProductFactory(hs_code="6912"),
        ProductFactory(hs_code="6913"),
        ProductFactory(hs_code="4420"),
        ProductFactory(hs_code="5701"),
        ProductFactory(hs_code="", category=CategoryFactory(hs_heading="6912")),
    ]
    certified = ProductFactory(hs_code="6912")
    CertificateFactory(products=[certified])
    marked = ProductFactory(hs_code="6912")
    ExportProfileFactory(product=marked, marked_not_for_food=True)
    doll = ProductFactory(hs_code="6304")
    ExportProfileFactory(product=doll, for_children=True)
    products = [*cases, certified, marked, doll]
    for country in ("US", "FR", "GB", "CA", "CH"):
        expected = {p.pk for p in products if can_ship(p, country)[0]}
        assert set(ships_to(Product.objects.all(), country).values_list("pk", flat=True)) == (
            expected
        ), country
