"""The business registration, the staff review and the seller's wholesale offer forms."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from marketplace.core.countries import country_name
from marketplace.core.forms import IdentifierField, LocalizedDecimalField, LocalizedIntegerField
from wholesale import rules
from wholesale.models import Company, DeliveryLocation
from wholesale.numbers import COUNTRIES, SCHEMES, check_number

TIER_ROWS = 4
DUPLICATE_NUMBER = _("A company with this number is registered: ask its contact to add you.")


def country_choices():
    """The countries whose business numbers we can check, by name in the page language."""
    return [("", "---------")] + sorted(
        ((code, country_name(code)) for code in COUNTRIES), key=lambda choice: choice[1]
    )


class CompanyRegistrationForm(forms.Form):
    name = forms.CharField(label=_("Company name"), max_length=200)
    country = forms.ChoiceField(label=_("Country of registration"), choices=())
    number_scheme = forms.ChoiceField(label=_("Kind of number"), choices=SCHEMES)
    number = IdentifierField(
        label=_("Registration number"),
        max_length=32,
        numeric=False,
        help_text=_("Checked with its check digits; a member of our staff then reviews it."),
    )
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    role = forms.CharField(label=_("Your role"), max_length=100, required=False)
    phone = IdentifierField(label=_("Phone"), max_length=32, required=False)
    location_name = forms.CharField(
        label=_("Delivery location name"), max_length=100, initial=_("Shop")
    )
    line1 = forms.CharField(label=_("Address"), max_length=255)
    line2 = forms.CharField(label=_("Address (continued)"), max_length=255, required=False)
    postcode = forms.CharField(label=_("Postcode"), max_length=20, required=False)
    city = forms.CharField(label=_("City"), max_length=100)
    location_country = forms.ChoiceField(label=_("Country"), choices=())
    has_loading_dock = forms.BooleanField(label=_("Takes pallets (loading dock)"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = self.fields["location_country"].choices = country_choices()

    def clean(self):
        cleaned = super().clean()
        scheme, country, number = (cleaned.get(k) for k in ("number_scheme", "country", "number"))
        if scheme and country and number:
            try:
                cleaned["number"] = check_number(scheme, country, number)
            except forms.ValidationError as error:
                self.add_error("number", error)
                return cleaned
            if Company.objects.filter(number_scheme=scheme, number=cleaned["number"]).exists():
                self.add_error("number", DUPLICATE_NUMBER)
        return cleaned


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[(Company.VERIFIED, _("Verify")), (Company.REFUSED, _("Refuse"))],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Why"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("Required to refuse; the company sees it."),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == Company.REFUSED and not cleaned.get("reason", "").strip():
            self.add_error("reason", _("Say why the company is refused."))
        return cleaned


class WholesaleOfferForm(forms.Form):
    """A listing's wholesale terms; the tiers are TIER_ROWS rows of quantity and unit price.

    Unchecking ``sells_wholesale`` removes the offer. The rules are ``wholesale.rules``'.
    """

    sells_wholesale = forms.BooleanField(label=_("Sell this piece wholesale"), required=False)
    minimum_quantity = LocalizedIntegerField(
        label=_("Minimum order quantity"), min_value=1, max_value=100000, required=False
    )
    case_pack = LocalizedIntegerField(
        label=_("Case pack"),
        min_value=1,
        max_value=10000,
        initial=1,
        required=False,
        help_text=_("Buyers order in multiples of this number."),
    )
    lead_time_days = LocalizedIntegerField(
        label=_("Production lead time (days)"),
        min_value=0,
        max_value=365,
        required=False,
        help_text=_("For quantities you make to order."),
    )
    sells_samples = forms.BooleanField(label=_("Samples sold"), required=False)

    def __init__(self, *args, localized=True, **kwargs):
        """``localized=False``: prices read with a decimal point only (CSV cells)."""
        super().__init__(*args, **kwargs)
        price_field = LocalizedDecimalField if localized else forms.DecimalField
        quantity_field = LocalizedIntegerField if localized else forms.IntegerField
        for row in range(1, TIER_ROWS + 1):
            self.fields[f"tier_{row}_quantity"] = quantity_field(
                label=_("From quantity"), min_value=1, max_value=100000, required=False
            )
            self.fields[f"tier_{row}_price"] = price_field(
                label=_("Unit price (MAD)"),
                max_digits=10,
                decimal_places=2,
                min_value=Decimal("0.01"),
                required=False,
            )

    @classmethod
    def for_offer(cls, offer, **kwargs):
        if offer is None:
            return cls(initial={"case_pack": 1}, **kwargs)
        initial = {
            "sells_wholesale": True,
            "minimum_quantity": offer.minimum_quantity,
            "case_pack": offer.case_pack,
            "lead_time_days": offer.lead_time_days,
            "sells_samples": offer.sells_samples,
        }
        for row, tier in enumerate(offer.tiers.all()[:TIER_ROWS], start=1):
            initial[f"tier_{row}_quantity"] = tier.min_quantity
            initial[f"tier_{row}_price"] = tier.unit_price
        return cls(initial=initial, **kwargs)

    @property
    def tier_rows(self):
        return [
            (self[f"tier_{row}_quantity"], self[f"tier_{row}_price"])
            for row in range(1, TIER_ROWS + 1)
        ]

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("sells_wholesale"):
            return cleaned
        tiers = []
        for row in range(1, TIER_ROWS + 1):
            quantity = cleaned.get(f"tier_{row}_quantity")
            price = cleaned.get(f"tier_{row}_price")
            if quantity is None and price is None:
                continue
            if quantity is None or price is None:
                self.add_error(
                    f"tier_{row}_quantity", _("Give both the quantity and the unit price.")
                )
                continue
            tiers.append(rules.Tier(quantity, price))
        minimum = cleaned.get("minimum_quantity")
        if minimum is None:
            if not self.has_error("minimum_quantity"):
                self.add_error("minimum_quantity", _("Give the minimum order quantity."))
            return cleaned
        cleaned["case_pack"] = case_pack = cleaned.get("case_pack") or 1
        for part, message in rules.offer_errors(minimum, case_pack, tiers):
            self.add_error("minimum_quantity" if part == "minimum" else None, message)
        cleaned["tiers"] = sorted(tiers)
        return cleaned


class DeliveryLocationForm(forms.ModelForm):
    class Meta:
        model = DeliveryLocation
        fields = ["name", "line1", "line2", "postcode", "city", "country", "has_loading_dock"]
