"""Seller-space forms. ``ListingForm`` is the one rule for a listing, on screen and in CSV."""

import datetime
import re
from decimal import Decimal

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from oscar.core.loading import get_model

from marketplace.core import uploads
from marketplace.core.forms import (
    CodeField,
    IdentifierField,
    LocalizedDecimalField,
    LocalizedIntegerField,
    localized_formfield,
)
from sellers.apply.forms import NAME_HELP_TEXTS, NAME_LABELS, NAME_WIDGETS, SellerNamesMixin
from sellers.fulfilment.forms import TrackingForm
from sellers.space import photo_zip
from sellers.space.catalogue import craft_piece_class

Product = get_model("catalogue", "Product")
Category = get_model("catalogue", "Category")
Region = get_model("catalogue", "Region")
Material = get_model("catalogue", "Material")
Technique = get_model("catalogue", "Technique")
StockRecord = get_model("partner", "StockRecord")

AUTOMATIC_SKU = re.compile(r"P\d+")  # what a listing without a reference of its own gets
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
TITLE_FIELDS = [f"title_{code}" for code in LANGUAGE_CODES]
DESCRIPTION_FIELDS = [f"description_{code}" for code in LANGUAGE_CODES]


class NameChoiceField(forms.ModelChoiceField):
    """Choices labelled by name alone (no per-row query for a category's ancestors)."""

    def label_from_instance(self, obj):
        return obj.name


class NameMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class ListingForm(forms.ModelForm):
    """A listing: the product's texts and facts, plus its price and stock (the stock record).

    ``by_code=True`` reads craft, region, materials and techniques by code (CSV rows).
    """

    craft = NameChoiceField(
        label=_("Craft"), queryset=Category.objects.order_by("path"), empty_label=None
    )
    region = NameChoiceField(label=_("Region"), queryset=Region.objects.all(), required=False)
    materials = NameMultipleChoiceField(
        label=_("Materials"),
        queryset=Material.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    techniques = NameMultipleChoiceField(
        label=_("Techniques"),
        queryset=Technique.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    price = LocalizedDecimalField(
        label=_("Price (MAD)"),
        max_digits=10,
        decimal_places=2,
        min_value=Decimal("0.01"),
        unit="MAD",
    )
    num_in_stock = LocalizedIntegerField(label=_("In stock"), min_value=0, max_value=9999)
    sku = forms.CharField(
        label=_("Your reference (SKU)"),
        max_length=64,
        required=False,
        help_text=_("Optional; unique among your listings."),
    )

    class Meta:
        model = Product
        fields = [
            *TITLE_FIELDS,
            *DESCRIPTION_FIELDS,
            "region",
            "materials",
            "techniques",
            "is_unique_piece",
            "length_cm",
            "width_cm",
            "height_cm",
            "weight_kg",
            "hs_code",
            "processing_days",
            "is_public",
        ]
        labels = {"is_public": _("Show in the shop")}
        formfield_callback = localized_formfield
        field_classes = {"hs_code": IdentifierField}
        widgets = {name: forms.Textarea(attrs={"rows": 4}) for name in DESCRIPTION_FIELDS}

    def __init__(self, *args, seller, by_code=False, **kwargs):
        self.seller = seller
        super().__init__(*args, **kwargs)
        names = dict(settings.LANGUAGES)
        for code in LANGUAGE_CODES:
            title, description = self.fields[f"title_{code}"], self.fields[f"description_{code}"]
            title.label = _("Title (%(language)s)") % {"language": names[code]}
            description.label = _("Description (%(language)s)") % {"language": names[code]}
            title.required = description.required = False
            for field in (title, description):
                field.widget.attrs["lang"] = code
                if code == "ar":
                    field.widget.attrs["dir"] = "rtl"
        self.fields["weight_kg"].required = True
        if self.instance.pk is None:
            self.instance.product_class = craft_piece_class()
            self.instance.structure = Product.STANDALONE
        if by_code:
            for name in ("craft", "region", "materials", "techniques"):
                self.fields[name].to_field_name = "code"
        record = self.stockrecord
        if record is not None and not self.is_bound:
            self.initial.update(
                price=record.price, num_in_stock=record.num_in_stock, sku=record.partner_sku
            )
            craft = self.instance.categories.order_by("path").first()
            self.initial["craft"] = craft.pk if craft else None
        elif not self.is_bound and self.instance.pk is None:
            self.initial.setdefault("region", seller.region_id)
            self.initial.setdefault("is_public", True)

    @property
    def stockrecord(self):
        if self.instance.pk is None:
            return None
        return StockRecord.objects.filter(product=self.instance, partner=self.seller).first()

    def clean_sku(self):
        sku = self.cleaned_data["sku"].strip()
        if not sku:
            return sku
        if AUTOMATIC_SKU.fullmatch(sku) and sku != f"P{self.instance.pk}":
            raise forms.ValidationError(
                _("“P” followed by digits is kept for automatic references: choose another.")
            )
        taken = StockRecord.objects.filter(partner=self.seller, partner_sku=sku)
        if self.instance.pk is not None:
            taken = taken.exclude(product=self.instance)
        if taken.exists():
            raise forms.ValidationError(_("You already have a listing with this reference."))
        return sku

    def _post_clean(self):
        if self.has_error(TITLE_FIELDS[0]):
            return  # the model's own check would only repeat "must have a title"
        super()._post_clean()

    def clean(self):
        cleaned = super().clean()
        titles = [cleaned.get(name) for name in TITLE_FIELDS]
        if not any(titles):
            self.add_error(TITLE_FIELDS[0], _("Give the piece a title in at least one language."))
        elif not cleaned.get("title_en"):
            # English is the fallback language: it carries the first title the seller gave.
            cleaned["title_en"] = self.instance.title_en = next(title for title in titles if title)
        stock = cleaned.get("num_in_stock")
        if cleaned.get("is_unique_piece") and stock is not None and stock > 1:
            self.add_error("num_in_stock", _("A unique piece has a stock of 0 or 1."))
        craft = cleaned.get("craft")
        if craft is not None and not cleaned.get("hs_code") and craft.hs_heading:
            cleaned["hs_code"] = craft.hs_heading
            self.instance.hs_code = craft.hs_heading
        return cleaned


class PhotoForm(forms.Form):
    photo = uploads.UploadField(
        label=_("Photo"),
        validator=uploads.SELLER_PHOTO,
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )

    def __init__(self, *args, product, **kwargs):
        self.product = product
        super().__init__(*args, **kwargs)
        self.fields["photo"].help_text = _("JPEG, PNG or WebP, %(max)s at most.") % {
            "max": filesizeformat(settings.SELLER_PHOTO_MAX_BYTES)
        }

    def clean_photo(self):
        photo = self.cleaned_data["photo"]
        if self.product.images.count() >= settings.SELLER_PHOTOS_PER_LISTING:
            raise forms.ValidationError(
                ngettext(
                    "A listing has %(max)s photo at most.",
                    "A listing has %(max)s photos at most.",
                    settings.SELLER_PHOTOS_PER_LISTING,
                )
                % {"max": settings.SELLER_PHOTOS_PER_LISTING}
            )
        return photo


class CsvUploadForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"), widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"})
    )

    photos = forms.FileField(
        label=_("Photos (ZIP, optional)"),
        required=False,
        help_text=_(
            "A ZIP of photos named by SKU: SKU.jpg for the first, SKU-2.jpg for the second…"
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".zip,application/zip"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        uploads.check_size(upload, "SELLER_CSV_MAX_BYTES")
        return upload

    def clean_photos(self):
        upload = self.cleaned_data["photos"]
        if upload:
            uploads.check_size(upload, "SELLER_IMPORT_ZIP_MAX_BYTES")
            photo_zip.open_zip(upload)
            upload.seek(0)
        return upload


class ShipmentForm(TrackingForm):
    """Carrier service and tracking number, asked when a parcel is marked shipped."""


class StatementForm(forms.Form):
    """A period of the payout statement (both dates included, a year at most)."""

    date_from = forms.DateField(label=_("From"), widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(label=_("To"), widget=forms.DateInput(attrs={"type": "date"}))

    @classmethod
    def this_month(cls):
        today = timezone.localdate()
        return cls(initial={"date_from": today.replace(day=1), "date_to": today})

    def clean(self):
        cleaned = super().clean()
        date_from, date_to = cleaned.get("date_from"), cleaned.get("date_to")
        if date_from and date_to:
            if date_from > date_to:
                raise forms.ValidationError(_("The start date is after the end date."))
            if date_to - date_from > datetime.timedelta(days=366):
                raise forms.ValidationError(_("A statement covers one year at most."))
        return cleaned


class ProfileForm(SellerNamesMixin, forms.ModelForm):
    """What buyers read of the seller (names in both scripts, story) and how to reach it."""

    class Meta:
        model = get_model("partner", "Partner")
        fields = ("name_latin", "name_arabic", "story", "contact_email", "preferred_language")
        labels = NAME_LABELS
        help_texts = NAME_HELP_TEXTS
        widgets = {**NAME_WIDGETS, "story": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name_latin"].required = True


class EvidenceForm(forms.Form):
    """A seller's evidence for a dispute: the parcel's tracking (filled in from it), the
    shipping date, a proof of shipment and a photo (the one upload check), an explanation."""

    tracking_number = CodeField(label=_("Tracking number"), max_length=64, required=False)
    carrier = forms.CharField(label=_("Carrier"), max_length=100, required=False)
    shipping_date = forms.DateField(
        label=_("Shipping date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    shipping_documentation = uploads.UploadField(
        label=_("Proof of shipment (receipt, customs form)"),
        validator=uploads.SELLER_DOCUMENT,
        required=False,
    )
    photo = uploads.UploadField(
        label=_("Photo of the piece or of its packing"),
        validator=uploads.SELLER_PHOTO,
        required=False,
    )
    explanation = forms.CharField(
        label=_("Your explanation"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What was sent, when, how it was packed, and what the buyer told you."),
    )

    # The Stripe evidence field each file goes to.
    FILE_FIELDS = {
        "shipping_documentation": "shipping_documentation",
        "photo": "uncategorized_file",
    }

    @classmethod
    def for_parcel(cls, parcel, *args, **kwargs):
        initial = {}
        if parcel is not None:
            initial = {
                "tracking_number": parcel.tracking_number,
                "carrier": parcel.service.carrier.name if parcel.service else "",
                "shipping_date": timezone.localdate(parcel.shipped_at)
                if parcel.shipped_at
                else None,
            }
        return cls(*args, initial=initial, **kwargs)

    def evidence(self):
        """(data, files) for ``marketplace.payments.disputes.submit_evidence``."""
        data = {
            name: self.cleaned_data[name] or ("" if name != "shipping_date" else None)
            for name in ("tracking_number", "carrier", "shipping_date", "explanation")
        }
        files = [
            (stripe_field, self.cleaned_data[name])
            for name, stripe_field in self.FILE_FIELDS.items()
            if self.cleaned_data.get(name)
        ]
        return data, files
