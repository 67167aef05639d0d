"""No form of the project reads a number or shows a browser number input on its own: every
decimal and integer field is one of ``marketplace.core.forms``' localized fields (issue 16)."""

import importlib
from pathlib import Path

import pytest
from django import forms
from django.conf import settings

from marketplace.core.forms import LocalizedDecimalField, LocalizedIntegerField

PACKAGES = ["marketplace", "catalog", "compliance", "sellers", "shipping", "themes", "wholesale"]
LOCALIZED = (LocalizedDecimalField, LocalizedIntegerField)


def project_form_modules():
    root = Path(settings.BASE_DIR)
    for package in PACKAGES:
        for path in sorted((root / package).rglob("*.py")):
            if "migrations" in path.parts or "settings" in path.parts:
                continue
            text = path.read_text(encoding="utf-8")
            if "forms.Form" in text or "forms.ModelForm" in text:
                yield ".".join(path.relative_to(root).with_suffix("").parts)


def all_subclasses(cls):
    for subclass in cls.__subclasses__():
        yield subclass
        yield from all_subclasses(subclass)


def project_forms():
    for module in project_form_modules():
        importlib.import_module(module)
    return sorted(
        {
            form
            for form in all_subclasses(forms.BaseForm)
            if form.__module__.split(".")[0] in PACKAGES
        },
        key=lambda form: f"{form.__module__}.{form.__qualname__}",
    )


def test_the_project_forms_are_found():
    names = {form.__name__ for form in project_forms()}
    assert {"ListingForm", "ApplicationForm", "RateForm", "ServiceForm"} <= names


@pytest.mark.parametrize("form", project_forms(), ids=lambda form: form.__qualname__)
def test_every_number_field_is_a_localized_one(form):
    bare = [
        name
        for name, field in form.base_fields.items()
        if isinstance(field, forms.DecimalField | forms.IntegerField | forms.FloatField)
        and not isinstance(field, LOCALIZED)
    ]
    assert bare == []
