"""Landed cost at every date and threshold edge (seeded regimes, rates passed in)."""

import datetime
from decimal import Decimal

import pytest

from compliance.landed_cost import DAP, DDP, landed_cost
from marketplace.currency.money import convert
from shipping.services import ParcelItem
from tests.factories.catalogue import ProductFactory

pytestmark = pytest.mark.django_db

# 1 MAD = 0.10 EUR / 0.10 USD / 0.08 GBP / 0.125 CAD: EUR 150 = 1500 MAD, GBP 135 = 1687.50 MAD,
# CAD 20 = 160 MAD.
RATES = {
    "MAD": Decimal("1"),
    "EUR": Decimal("0.10"),
    "USD": Decimal("0.10"),
    "GBP": Decimal("0.08"),
    "CAD": Decimal("0.125"),
}
EU_FLAT_DUTY_DAY = datetime.date(2026, 7, 1)
US_END_DE_MINIMIS = datetime.date(2025, 8, 29)


def items(*specs):
    """specs: (hs code, value MAD) -> one ParcelItem each."""
    return [
        ParcelItem(ProductFactory(hs_code=hs, stockrecord=False), 1, Decimal(value))
        for hs, value in specs
    ]


def cost(country, goods, day, incoterm=DDP, shipping="0"):
    return landed_cost(
        goods, country, shipping=Decimal(shipping), incoterm=incoterm, on=day, rates=RATES
    )


def test_convert_uses_the_rates_given():
    assert convert(Decimal("1500"), "MAD", "EUR", RATES) == Decimal("150")
    assert convert(Decimal("150"), "EUR", "GBP", RATES) == Decimal("120")


def test_eu_before_july_2026_has_no_duty_on_a_low_value_parcel():
    result = cost("FR", items(("6912", "1500")), EU_FLAT_DUTY_DAY - datetime.timedelta(days=1))
    assert result.duties == Decimal("0")


def test_eu_charges_eur_3_per_item_type_from_1_july_2026():
    goods = items(("6912", "500"), ("691200", "500"), ("5701", "500"))
    result = cost("FR", goods, EU_FLAT_DUTY_DAY)
    assert result.duties == Decimal("60.00")  # two item types x EUR 3 = EUR 6 = 60 MAD


def test_eu_flat_duty_applies_at_exactly_eur_150():
    result = cost("DE", items(("6912", "1500")), EU_FLAT_DUTY_DAY)
    assert result.duties == Decimal("30.00")


def test_eu_flat_duty_stops_above_eur_150_and_moroccan_origin_is_duty_free():
    result = cost("DE", items(("6912", "1500.10")), EU_FLAT_DUTY_DAY)
    assert result.duties == Decimal("0")
    assert any("origin" in note for note in result.notes)


def test_eu_vat_is_charged_on_goods_shipping_and_duty_at_the_country_rate():
    result = cost("FR", items(("6912", "1000")), EU_FLAT_DUTY_DAY, shipping="200")
    assert result.taxes == Decimal("246.00")  # 20% of (1000 + 200 + 30)


def test_eu_vat_is_collected_at_checkout_up_to_eur_150_even_under_dap():
    result = cost("FR", items(("6912", "1500")), EU_FLAT_DUTY_DAY, incoterm=DAP)
    tax = next(c for c in result.charges if c.kind == "tax")
    assert tax.at_checkout is True


def test_eu_vat_above_eur_150_under_dap_is_paid_on_delivery():
    result = cost("FR", items(("6912", "1500.10")), EU_FLAT_DUTY_DAY, incoterm=DAP)
    assert result.at_checkout == Decimal("0")
    assert result.on_delivery == Decimal("300.02")


def test_us_duty_free_at_usd_800_the_day_before_de_minimis_ended():
    result = cost("US", items(("6912", "8000")), US_END_DE_MINIMIS - datetime.timedelta(days=1))
    assert result.duties == Decimal("0")


def test_us_duty_applies_above_usd_800_before_de_minimis_ended():
    result = cost("US", items(("6912", "8000.10")), US_END_DE_MINIMIS - datetime.timedelta(days=1))
    assert result.duties == Decimal("784.01")  # 9.8% MFN, no surcharge yet


def test_us_duty_on_any_value_from_29_august_2025_with_the_surcharge():
    result = cost("US", items(("6912", "100")), US_END_DE_MINIMIS)
    assert result.duties == Decimal("19.80")  # 9.8% + 10% surcharge


def test_us_has_no_import_tax():
    assert cost("US", items(("6912", "100")), US_END_DE_MINIMIS).taxes == Decimal("0")


def test_us_duty_rate_uses_the_longest_hs_prefix():
    result = cost("US", items(("570110", "1000"), ("999999", "1000")), US_END_DE_MINIMIS)
    assert result.duties == Decimal("250.00")  # 5701: 0+10% ; default 5+10%


def test_uk_up_to_gbp_135_vat_at_checkout_and_no_duty():
    result = cost("GB", items(("4202", "1687.50")), EU_FLAT_DUTY_DAY, incoterm=DAP)
    assert result.duties == Decimal("0")
    assert result.at_checkout == Decimal("337.50")


def test_uk_above_gbp_135_under_dap_vat_is_due_on_delivery():
    result = cost("GB", items(("4202", "1687.60")), EU_FLAT_DUTY_DAY, incoterm=DAP)
    assert result.at_checkout == Decimal("0")
    assert result.on_delivery == Decimal("337.52")


def test_canada_nothing_due_at_cad_20():
    result = cost("CA", items(("6912", "160")), EU_FLAT_DUTY_DAY)
    assert result.charges == []


def test_canada_above_cad_20_pays_duty_by_heading_and_gst():
    result = cost("CA", items(("6912", "1000")), EU_FLAT_DUTY_DAY)
    assert result.duties == Decimal("70.00")  # 7% on 6912
    assert result.taxes == Decimal("53.50")  # 5% GST on 1070


def test_ddp_puts_every_charge_at_checkout():
    result = cost("US", items(("6912", "100")), US_END_DE_MINIMIS, incoterm=DDP)
    assert result.at_checkout == result.duties + result.taxes
    assert result.on_delivery == Decimal("0")


def test_country_without_import_data_is_flagged_unknown():
    result = cost("JP", items(("6912", "100")), EU_FLAT_DUTY_DAY)
    assert result.known is False
    assert result.charges == []


def test_charges_are_labelled_line_by_line():
    result = cost("US", items(("6912", "100")), US_END_DE_MINIMIS)
    assert [c.label for c in result.charges] == [
        "Customs duty on " + result_title(result) + " (HS 6912, 19.8%)"
    ]


def result_title(result):
    from catalog.models import Product

    return Product.objects.get().get_title()


def test_vat_label_shows_the_rate():
    result = cost("FR", items(("6912", "100")), EU_FLAT_DUTY_DAY)
    assert [c.label for c in result.charges if c.kind == "tax"] == ["VAT 20%"]
