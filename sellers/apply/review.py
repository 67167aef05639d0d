"""The last step's summary: each step's answers as they will be saved, with a link to change
them."""

import datetime

from babel.lists import format_list
from django import forms
from django.urls import reverse

from marketplace.core.formats import format_date, locale
from sellers.apply import steps


def sections(form, kind, drafts):
    """(title, url, rows) per step with fields; a row is (label, value shown, error?)."""
    result = []
    for step in steps.STEPS:
        names = [name for name in step.fields(kind) if name in form.fields and name != "kind"]
        if step.slug == steps.KIND:
            names = ["kind"]
        if not names:
            continue
        rows = [
            (form[name].label, shown(form, name, drafts), name in form.errors) for name in names
        ]
        url = reverse("sell:apply-step", kwargs={"step": step.slug})
        result.append((step.title, url, rows))
    return result


def shown(form, name, drafts):
    """The value of field ``name`` as a person reads it (the checked value when valid)."""
    field = form.fields[name]
    if isinstance(field, forms.FileField):
        draft = drafts.get(name)
        return draft.filename if draft else ""
    if name in form.errors or not hasattr(form, "cleaned_data"):
        value = form[name].value()
        return listed(value) if isinstance(value, list) else value or ""
    value = form.cleaned_data.get(name)
    if value in (None, "") or value == []:
        return ""
    if isinstance(field, forms.ModelMultipleChoiceField):
        return listed(value)
    if isinstance(field, forms.ChoiceField) and not isinstance(field, forms.ModelChoiceField):
        labels = {str(key): label for key, label in field.choices}
        if isinstance(value, list):
            return listed(labels.get(item, item) for item in value)
        return labels.get(str(value), value)
    if isinstance(value, datetime.date):
        return format_date(value)
    if hasattr(value, "as_international"):
        return value.as_international
    return str(value)


def listed(items):
    """Items joined as the page language lists them ("a, b et c", "a، b و c")."""
    return format_list([str(item) for item in items], locale=locale())
