from decimal import Decimal

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from marketplace.core.forms import LocalizedDecimalField, localized_formfield
from marketplace.core.uploads import RETURN_PHOTO, UploadField
from sellers.returns.models import Payer, Reason, ReturnPolicy, ReturnRequest


class PhotosInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class PhotosField(UploadField):
    """Several photos, each through the one upload check."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault(
            "widget", PhotosInput(attrs={"accept": "image/jpeg,image/png,image/webp"})
        )
        super().__init__(*args, validator=RETURN_PHOTO, **kwargs)

    def clean(self, data, initial=None):
        uploads = data if isinstance(data, list | tuple) else [data] if data else []
        if len(uploads) > settings.RETURNS_MAX_PHOTOS:
            raise forms.ValidationError(
                ngettext(
                    "Send at most %(count)d photo.",
                    "Send at most %(count)d photos.",
                    settings.RETURNS_MAX_PHOTOS,
                )
                % {"count": settings.RETURNS_MAX_PHOTOS}
            )
        if not uploads and self.required:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        return [super(PhotosField, self).clean(upload) for upload in uploads]


class ReturnRequestForm(forms.Form):
    lines = forms.TypedMultipleChoiceField(
        label=_("Pieces to return"), coerce=int, widget=forms.CheckboxSelectMultiple
    )
    reason = forms.ChoiceField(label=_("Reason"), choices=Reason.choices)
    details = forms.CharField(
        label=_("What happened"), widget=forms.Textarea(attrs={"rows": 4}), max_length=2000
    )
    photos = PhotosField(
        label=_("Photos"),
        required=False,
        help_text=_("JPEG, PNG or WebP; a photo of the damage helps the seller decide."),
    )
    outcome = forms.ChoiceField(
        label=_("You would like"),
        choices=ReturnRequest.Outcome.choices,
        widget=forms.RadioSelect,
        initial=ReturnRequest.Outcome.REFUND,
    )

    def __init__(self, *args, rows=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lines"].choices = [
            (line.pk, line.title) for line, _policy, refusal in rows if refusal is None
        ]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("reason") == Reason.DAMAGED and not cleaned.get("photos"):
            self.add_error("photos", _("Add a photo of the damage."))
        return cleaned


class NoteForm(forms.Form):
    note = forms.CharField(
        label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )


class OptionalNoteForm(forms.Form):
    note = forms.CharField(
        label=_("Message (optional)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        required=False,
    )


def postage_field(currency, required=False):
    """What the buyer paid to send the pieces back, in the order's charged currency."""
    return LocalizedDecimalField(
        label=_("Return postage paid (%(currency)s)") % {"currency": currency},
        required=required,
        min_value=Decimal(0),
        max_digits=10,
        decimal_places=2,
        help_text=_(
            "Refunded, up to the shipping you paid for these pieces, when the seller pays "
            "return shipping; keep the receipt."
        ),
    )


class ReturnShipmentForm(forms.Form):
    carrier = forms.ChoiceField(label=_("Carrier"))
    tracking_number = forms.CharField(label=_("Tracking number"), max_length=64)

    def __init__(self, *args, carriers=(), currency="MAD", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["carrier"].choices = [(c.code, c.name) for c in carriers]
        self.fields["postage"] = postage_field(currency)


class PostageForm(forms.Form):
    """A curator enters the return postage the buyer paid (from the buyer's receipt)."""

    def __init__(self, *args, currency="MAD", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["postage"] = postage_field(currency, required=True)


class DecisionForm(NoteForm):
    """A curator's decision: its reason, and who bears the return postage."""

    postage_paid_by = forms.ChoiceField(
        label=_("Return postage paid by"),
        required=False,
        choices=[("", _("As the seller's policy says"))] + list(Payer.choices),
    )


class ReturnPolicyForm(forms.ModelForm):
    reasons = forms.MultipleChoiceField(
        label=_("Accepted reasons"), choices=Reason.choices, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = ReturnPolicy
        fields = [
            "window_days",
            "reasons",
            "return_shipping_paid_by",
            "unique_pieces_returnable",
            "made_to_order_returnable",
        ]
        formfield_callback = localized_formfield
