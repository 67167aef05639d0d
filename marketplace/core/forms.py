"""Form fields for what people type on French, Spanish and Arabic keyboards.

``LocalizedDecimalField`` reads ``4,2``, ``٤٫٢`` and ``4.2`` as 4.2 in the page language
(``marketplace.core.numbers``) and shows the value back the way that language writes it; it is
a text input (``inputmode="decimal"``), because a browser's number input drops or misreads a
decimal comma. ``LocalizedIntegerField`` does the same for whole numbers (``inputmode="numeric"``)
and refuses ``4,2`` rather than reading 42. Both show their unit after the input.
``IdentifierField`` and ``PhoneField`` convert digits and remove spaces before validation.

``localized_formfield`` is the one switch for model forms: put
``formfield_callback = localized_formfield`` in a ModelForm's ``Meta`` and every decimal and
integer model field gets these fields, with the unit its name ends with (``_kg``, ``_cm``,
``_days``).
"""

from decimal import Decimal

from django import forms
from django.db import models
from django.forms.utils import flatatt
from django.utils.html import format_html
from django.utils.translation import get_language, pgettext_lazy
from phonenumber_field.formfields import PhoneNumberField

from marketplace.core import formats, numbers

UNITS_BY_SUFFIX = {
    "_kg": pgettext_lazy("unit", "kg"),
    "_cm": pgettext_lazy("unit", "cm"),
    "_days": pgettext_lazy("unit", "days"),
}


class LocalizedNumberInput(forms.TextInput):
    """A text input for a number, shown in the page language, with its unit after it."""

    inputmode = "decimal"

    def __init__(self, attrs=None, unit=None):
        self.unit = unit
        super().__init__(
            {"inputmode": self.inputmode, "autocomplete": "off", "dir": "ltr", **(attrs or {})}
        )

    def format_value(self, value):
        if value in (None, ""):
            return None
        if isinstance(value, str):
            return value  # what the seller typed, shown back as typed after an error
        return formats.format_number(value).replace("\u00a0", " ").replace("\u202f", " ")

    def render(self, name, value, attrs=None, renderer=None):
        """The markup of Django's ``input.html``, built without its three templates (the
        list filter's price range renders two of these on every list page)."""
        widget = self.get_context(name, value, attrs)["widget"]
        shown = "" if widget["value"] is None else format_html(' value="{}"', widget["value"])
        html = format_html(
            '<input type="{}" name="{}"{}{}>',
            widget["type"],
            widget["name"],
            shown,
            flatatt(widget["attrs"]),
        )
        if not self.unit:
            return html
        return format_html(
            '<span class="input-with-unit">{}<span class="input-unit">{}</span></span>',
            html,
            self.unit,
        )


class LocalizedDecimalInput(LocalizedNumberInput):
    inputmode = "decimal"


class LocalizedIntegerInput(LocalizedNumberInput):
    inputmode = "numeric"


class LocalizedNumberMixin:
    """Reads the number in the page language; ``unit`` is shown after the input."""

    def __init__(self, *args, unit=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.widget.unit = unit

    def parse(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, (Decimal, int)):
            return Decimal(value)  # already a number (a CSV cell read by its own rule)
        try:
            return numbers.parse_decimal(str(value), get_language())
        except numbers.NotANumber as error:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from error

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.pop("step", None)  # a text input: the step of a number input would mislead
        return attrs


class LocalizedDecimalField(LocalizedNumberMixin, forms.DecimalField):
    widget = LocalizedDecimalInput

    def to_python(self, value):
        return self.parse(value)


class LocalizedIntegerField(LocalizedNumberMixin, forms.IntegerField):
    widget = LocalizedIntegerInput

    def to_python(self, value):
        number = self.parse(value)
        if number is None:
            return None
        if number != number.to_integral_value():
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return int(number)


def unit_of(name):
    """The unit a field's name ends with (weight_kg: kg), else None."""
    for suffix, unit in UNITS_BY_SUFFIX.items():
        if name.endswith(suffix) or f"{suffix}_" in name:
            return unit
    return None


def localized_formfield(db_field, **kwargs):
    """A model form's field, with the localized number fields for decimals and integers."""
    if not db_field.choices and not db_field.is_relation:
        if isinstance(db_field, models.DecimalField):
            kwargs.setdefault("form_class", LocalizedDecimalField)
            kwargs.setdefault("unit", unit_of(db_field.name))
        elif isinstance(db_field, models.IntegerField) and not isinstance(
            db_field, models.AutoField
        ):
            kwargs.setdefault("form_class", LocalizedIntegerField)
            kwargs.setdefault("unit", unit_of(db_field.name))
    return db_field.formfield(**kwargs)


class IdentifierMixin:
    """Digits converted and spaces removed before the field reads and validates the value."""

    def to_python(self, value):
        if isinstance(value, str):
            value = numbers.normalize_identifier(value)
        return super().to_python(value)


class IdentifierField(IdentifierMixin, forms.CharField):
    """An identifier typed with any digits and spaces: stored as Western digits, no spaces.

    ``upper=True`` also upper-cases letters (register and card numbers, tracking numbers).
    """

    def __init__(self, *args, numeric=True, upper=False, **kwargs):
        self.numeric, self.upper = numeric, upper
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        return value.upper() if self.upper and value else value

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.pop("maxlength", None)  # spaces typed between groups must not be cut
        if self.numeric:
            attrs["inputmode"] = "numeric"
        attrs["autocomplete"] = "off"
        attrs["dir"] = "ltr"
        return attrs


class PhoneField(IdentifierMixin, PhoneNumberField):
    """A phone number typed with any digits and spaces (06 12 34 56 78, ٠٦١٢٣٤٥٦٧٨)."""

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.update(autocomplete="tel", dir="ltr")
        return attrs


class CodeField(IdentifierField):
    """A code of letters and digits (register, card and tracking numbers): any digits, no
    spaces, capital letters."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("numeric", False)
        kwargs.setdefault("upper", True)
        super().__init__(*args, **kwargs)
