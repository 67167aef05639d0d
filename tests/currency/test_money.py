"""Money is Decimal with a currency, rounded half up to the currency's minor unit."""

from decimal import Decimal

import pytest

from marketplace.currency.money import Money, convert_from_mad, convert_to_mad


def test_half_a_cent_rounds_up():
    assert Money(Decimal("10.005"), "EUR").rounded().amount == Decimal("10.01")


def test_just_under_half_a_cent_rounds_down():
    assert Money(Decimal("10.00499"), "EUR").rounded().amount == Decimal("10.00")


def test_stripe_amount_is_in_minor_units():
    assert Money(Decimal("12.345"), "EUR").minor_units == 1235


def test_minor_units_read_back_as_decimal():
    assert Money.from_minor_units(1235, "USD") == Money(Decimal("12.35"), "USD")


def test_floats_are_refused():
    with pytest.raises(TypeError):
        Money(12.35, "EUR")


def test_unknown_currencies_are_refused():
    with pytest.raises(ValueError):
        Money(Decimal("1"), "JPY")


def test_conversion_from_mad_rounds_once_after_multiplying():
    # 1234.50 MAD x 0.0925 = 114.19125 EUR
    assert convert_from_mad(Decimal("1234.50"), "EUR", Decimal("0.0925")).amount == Decimal(
        "114.19"
    )


def test_conversion_at_an_exact_half_rounds_up():
    # 5.00 MAD x 0.101 = 0.505 USD
    assert convert_from_mad(Decimal("5.00"), "USD", Decimal("0.101")).amount == Decimal("0.51")


def test_mad_is_never_converted():
    assert convert_from_mad(Decimal("99.999"), "MAD", Decimal("0.5")) == Money(
        Decimal("100.00"), "MAD"
    )


def test_back_conversion_to_mad():
    assert convert_to_mad(Decimal("92.50"), Decimal("0.0925")).amount == Decimal("1000.00")
