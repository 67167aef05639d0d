"""Checkout forms: Oscar's, with the gateway usable without Oscar's JavaScript and the
countries named in the buyer's language."""

from oscar.apps.checkout.forms import *  # noqa: F403
from oscar.apps.checkout.forms import GatewayForm as OscarGatewayForm
from oscar.apps.checkout.forms import ShippingAddressForm as OscarShippingAddressForm

from marketplace.core.countries import country_choices


class GatewayForm(OscarGatewayForm):
    """A guest gives no password: the browser must not require one (checked in ``clean``)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].required = False
        self.fields["password"].widget.attrs.pop("required", None)

    def clean(self):
        if not self.is_guest_checkout() and not self.is_new_account_checkout():
            if not self.cleaned_data.get("password"):
                self.add_error("password", self.fields["password"].error_messages["required"])
                return self.cleaned_data
        return super().clean()


class ShippingAddressForm(OscarShippingAddressForm):
    """Oscar stores country names in English: the choices show them in the page language
    (CLDR, as everywhere else in the shop), sorted as that language sorts (ICU collation)."""

    def adjust_country_field(self):
        super().adjust_country_field()
        field = self.fields.get("country")
        if field is None:
            return
        field.choices = country_choices(country.pk for country in field.queryset)
