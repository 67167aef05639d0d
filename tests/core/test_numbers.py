"""What French, Spanish and Arabic keyboards type reads as the number or identifier meant."""

from decimal import Decimal

import pytest
from django import forms
from django.apps import apps
from django.utils import translation

from marketplace.core.forms import (
    CodeField,
    IdentifierField,
    LocalizedDecimalField,
    LocalizedIntegerField,
    localized_formfield,
)
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


class CountForm(forms.Form):
    members = LocalizedIntegerField(min_value=5, unit="members")
    code = CodeField(max_length=30)


@pytest.mark.parametrize("typed", ["12", "١٢", "۱۲", "1 2", "12,0"])
@pytest.mark.parametrize("language", ["fr", "ar", "en"])
def test_a_whole_number_is_read_in_any_digits(language, typed):
    with translation.override(language):
        form = CountForm({"members": typed, "code": "a"})
        assert form.is_valid(), form.errors
    assert form.cleaned_data["members"] == 12


@pytest.mark.parametrize("language", ["fr", "ar", "en"])
def test_a_fraction_is_refused_by_a_whole_number_field_not_read_as_tens(language):
    with translation.override(language):
        form = CountForm({"members": "4,2", "code": "a"})
        assert not form.is_valid()
    assert "members" in form.errors


def test_a_number_field_shows_its_unit_after_a_text_input():
    html = str(CountForm()["members"])
    assert 'type="text"' in html and 'inputmode="numeric"' in html
    assert html.endswith('<span class="input-unit">members</span></span>')


def test_a_code_is_upper_case_in_western_digits_without_spaces():
    form = CountForm({"members": "5", "code": "cp-٤٤٥ ٥٦٦"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["code"] == "CP-445566"


def test_model_forms_get_localized_number_fields_with_the_unit_of_their_name():
    Product = apps.get_model("catalogue", "Product")
    fields = forms.modelform_factory(
        Product,
        fields=["weight_kg", "length_cm", "processing_days"],
        formfield_callback=localized_formfield,
    ).base_fields
    assert isinstance(fields["weight_kg"], LocalizedDecimalField)
    assert isinstance(fields["processing_days"], LocalizedIntegerField)
    assert [str(fields[n].widget.unit) for n in fields] == ["kg", "cm", "days"]
