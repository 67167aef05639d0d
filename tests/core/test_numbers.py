"""What French, Spanish and Arabic keyboards type reads as the number or identifier meant."""

from decimal import Decimal

import pytest
from django import forms
from django.utils import translation

from marketplace.core.forms import IdentifierField, LocalizedDecimalField
from marketplace.core.numbers import NotANumber, normalize_identifier, parse_decimal


@pytest.mark.parametrize(
    ("typed", "language", "meant"),
    [
        ("4,2", "fr", "4.2"),
        ("4,2", "es", "4.2"),
        ("4,2", "ar", "4.2"),
        ("٤٫٢", "ar", "4.2"),
        ("۴٫۲", "ar", "4.2"),
        ("4.2", "fr", "4.2"),
        ("4.2", "en", "4.2"),
        ("1 234,5", "fr", "1234.5"),
        ("1\u202f234,5", "fr", "1234.5"),
        ("1.234,5", "es", "1234.5"),
        ("1,234.5", "en", "1234.5"),
        ("1,234", "en", "1234"),
        (" 12 ", "ar", "12"),
        ("-3,5", "fr", "-3.5"),
    ],
)
def test_decimal_typed_on_each_keyboard(typed, language, meant):
    assert parse_decimal(typed, language) == Decimal(meant)


@pytest.mark.parametrize("typed", ["", "abc", "1e5", "Infinity", "NaN", "4,2,1", "4..2"])
def test_what_is_not_a_number_is_refused(typed):
    with pytest.raises(NotANumber):
        parse_decimal(typed, "fr")


def test_identifiers_get_western_digits_and_no_spaces():
    assert normalize_identifier("011 519 ٠٠٠٠٠١٢٠٥ ٠٠٠٥٣٤٩٢١") == "011519000001205000534921"
    assert normalize_identifier("۰۰۱ ۵۶۱ ۱۹۱ ۰۰۰ ۰۶۶") == "001561191000066"


class WeightForm(forms.Form):
    weight = LocalizedDecimalField(max_digits=7, decimal_places=3)
    rib = IdentifierField(min_length=24, max_length=24)


@pytest.mark.parametrize(("language", "typed"), [("fr", "4,2"), ("ar", "٤٫٢"), ("en", "4.2")])
def test_a_form_stores_the_weight_meant(language, typed):
    with translation.override(language):
        form = WeightForm({"weight": typed, "rib": "011519000001205000534921"})
        assert form.is_valid(), form.errors
    assert form.cleaned_data["weight"] == Decimal("4.2")


def test_a_spaced_rib_is_not_cut_and_is_stored_without_spaces():
    form = WeightForm({"weight": "1", "rib": "011 519 0000012050005349 21"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["rib"] == "011519000001205000534921"
    assert "maxlength" not in str(form["rib"])


def test_a_decimal_is_shown_back_in_the_page_language():
    with translation.override("fr"):
        assert 'value="4,2"' in str(WeightForm(initial={"weight": Decimal("4.2")})["weight"])
