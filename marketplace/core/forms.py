"""Form fields for what people type on French, Spanish and Arabic keyboards.

``LocalizedDecimalField`` reads ``4,2``, ``٤٫٢`` and ``4.2`` as 4.2 in the page language
(``marketplace.core.numbers``) and shows the value back the way that language writes it; it is
a text input (``inputmode="decimal"``), because a browser's number input drops or misreads a
decimal comma. ``IdentifierField`` converts digits and removes spaces before validation.
"""

from django import forms
from django.utils.translation import get_language

from marketplace.core import formats, numbers


class LocalizedDecimalInput(forms.TextInput):
    def __init__(self, attrs=None):
        super().__init__({"inputmode": "decimal", "autocomplete": "off", **(attrs or {})})

    def format_value(self, value):
        if value in (None, ""):
            return None
        if isinstance(value, str):
            return value  # what the seller typed, shown back as typed after an error
        return formats.format_number(value).replace("\u00a0", " ").replace("\u202f", " ")


class LocalizedDecimalField(forms.DecimalField):
    widget = LocalizedDecimalInput

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            return numbers.parse_decimal(str(value), get_language())
        except numbers.NotANumber as error:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from error

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.pop("step", None)  # a text input: the step of a number input would mislead
        return attrs


class IdentifierField(forms.CharField):
    """An identifier typed with any digits and spaces: stored as Western digits, no spaces."""

    def __init__(self, *args, numeric=True, **kwargs):
        self.numeric = numeric
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        return numbers.normalize_identifier(super().to_python(value))

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.pop("maxlength", None)  # spaces typed between groups must not be cut
        if self.numeric:
            attrs["inputmode"] = "numeric"
        attrs["autocomplete"] = "off"
        return attrs
