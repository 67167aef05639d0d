"""Parcel forms: the carrier service and tracking number of a parcel."""

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from marketplace.core.forms import CodeField
from shipping.models import Service


def service_choices():
    """Active services grouped by carrier, from the Carrier and Service tables."""
    groups = {}
    for service in Service.objects.filter(is_active=True).select_related("carrier"):
        groups.setdefault(service.carrier.name, []).append((service.code, service.name))
    return [("", "---------"), *groups.items()]


class TrackingForm(forms.Form):
    """Which carrier service takes the parcel, and its tracking number."""

    service = forms.ChoiceField(label=_("Carrier and service"))
    tracking_number = CodeField(
        label=_("Tracking number"),
        validators=[
            RegexValidator(
                r"^[A-Z0-9-]{6,40}$", _("Letters, digits and dashes only, 6 to 40 of them.")
            )
        ],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service"].choices = service_choices()
