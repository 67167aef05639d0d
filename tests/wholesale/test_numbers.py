"""Registration numbers checked for format and check digits per country (python-stdnum)."""

import pytest
from django.core.exceptions import ValidationError

from wholesale.numbers import check_number, schemes_for


@pytest.mark.parametrize(
    ("scheme", "country", "typed", "stored"),
    [
        ("eu_vat", "FR", "FR 40 303 265 045", "FR40303265045"),
        ("eu_vat", "FR", "40303265045", "FR40303265045"),  # prefix added from the country
        ("eu_vat", "ES", "ES B-58378431", "ESB58378431"),
        ("gb_vat", "GB", "GB 980 7806 84", "GB980780684"),
        ("eori", "GB", "GB980780684000", "GB980780684000"),
        ("eori", "FR", "FR73282932000074", "FR73282932000074"),
        ("eori", "DE", "DE1234567", "DE1234567"),
        ("us_ein", "US", "04-2103594", "042103594"),
        ("ca_bn", "CA", "12345 6782", "123456782"),
    ],
)
def test_valid_numbers_are_stored_compact(scheme, country, typed, stored):
    assert check_number(scheme, country, typed) == stored


@pytest.mark.parametrize(
    ("scheme", "country", "typed", "code"),
    [
        ("eu_vat", "FR", "FR40303265046", "checksum"),
        ("eu_vat", "FR", "FR403", "format"),
        ("eu_vat", "FR", "DE136695976", "format"),  # a valid German number for a French company
        ("gb_vat", "GB", "GB980780685", "checksum"),
        ("eori", "GB", "GB98078068", "format"),
        ("eori", "GB", "GB980780685000", "checksum"),
        ("eori", "FR", "FR73282932000075", "checksum"),
        ("us_ein", "US", "00-2103594", "format"),  # no IRS campus uses prefix 00
        ("ca_bn", "CA", "123456783", "checksum"),
        ("us_ein", "FR", "04-2103594", "scheme"),
        ("eu_vat", "GB", "GB980780684", "scheme"),
    ],
)
def test_invalid_numbers_say_what_is_wrong(scheme, country, typed, code):
    with pytest.raises(ValidationError) as caught:
        check_number(scheme, country, typed)
    assert caught.value.code == code


def test_each_country_offers_its_own_schemes():
    assert schemes_for("FR") == ["eu_vat", "eori"]
    assert schemes_for("GB") == ["gb_vat", "eori"]
    assert schemes_for("US") == ["us_ein"]
    assert schemes_for("MA") == []
