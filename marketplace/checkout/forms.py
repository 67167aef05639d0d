"""Checkout forms: Oscar's, with the gateway usable without Oscar's JavaScript."""

from oscar.apps.checkout.forms import *  # noqa: F403
from oscar.apps.checkout.forms import GatewayForm as OscarGatewayForm


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
