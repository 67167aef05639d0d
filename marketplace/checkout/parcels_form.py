"""The shipping step's form: a service per parcel and DDP or DAP for the order."""

from django import forms
from django.utils.translation import gettext_lazy as _

from compliance.landed_cost import DAP, DDP


def field_name(parcel):
    return f"service_{parcel.plan.partner.pk}"


class ParcelServicesForm(forms.Form):
    """One field per parcel listing the services that reach the country (from ``summary``)."""

    incoterm = forms.ChoiceField(
        label=_("Duties and import taxes"),
        choices=[
            (DDP, _("Pay them now with the order (DDP), where the service allows it")),
            (DAP, _("Pay them to the carrier on delivery (DAP)")),
        ],
        widget=forms.RadioSelect,
    )

    def __init__(self, summary, country_name, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.summary, self.country_name = summary, country_name
        for parcel in summary.parcels:
            self.fields[field_name(parcel)] = forms.CharField(
                label=parcel.plan.partner.display_name, required=False
            )

    def clean(self):
        data = super().clean()
        self.choices = {}
        for parcel in self.summary.parcels:
            name = field_name(parcel)
            code = data.get(name) or ""
            if not parcel.quotes:
                self.add_error(
                    None,
                    _("No service we offer can carry the parcel from %(seller)s to %(country)s.")
                    % {"seller": parcel.plan.partner.display_name, "country": self.country_name},
                )
            elif code and code not in {quote.service.code for quote in parcel.quotes}:
                self.add_error(
                    name,
                    _(
                        "This service does not deliver the parcel from %(seller)s to "
                        "%(country)s: choose another one."
                    )
                    % {"seller": parcel.plan.partner.display_name, "country": self.country_name},
                )
            elif code:
                self.choices[parcel.plan.partner.pk] = code
        return data
