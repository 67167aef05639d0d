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

from catalog.crafts import VOCABULARIES, offered_by_craft
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
from sellers.space.catalogue import craft_piece_class, usual_craft
from sellers.space.photo_limit import too_many_photos_message

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


PHOTO_TYPES = "image/jpeg,image/png,image/webp"
REFUSED_VOCABULARY = {
    "materials": lambda count: ngettext(
        "%(names)s is not a material of %(craft)s: choose among the materials shown.",
        "%(names)s are not materials of %(craft)s: choose among the materials shown.",
        count,
    ),
    "techniques": lambda count: ngettext(
        "%(names)s is not a technique of %(craft)s: choose among the techniques shown.",
        "%(names)s are not techniques of %(craft)s: choose among the techniques shown.",
        count,
    ),
}


class MultiplePhotoInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class PhotosField(forms.FileField):
    """Several photos chosen at once, each checked by ``uploads.SELLER_PHOTO``; cleaned to the
    list of checked files, in the order they were sent."""

    widget = MultiplePhotoInput

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)
        self.widget.attrs.update(accept=PHOTO_TYPES)
        self.help_text = _("JPEG, PNG or WebP, %(max)s at most each.") % {
            "max": filesizeformat(settings.SELLER_PHOTO_MAX_BYTES)
        }

    def clean(self, data, initial=None):
        files = [
            upload for upload in (data if isinstance(data, list | tuple) else [data]) if upload
        ]
        if not files:
            return super().clean(None, initial) or []
        checked, errors = [], []
        for upload in files:
            try:
                checked.append(uploads.SELLER_PHOTO.clean(super().clean(upload, initial)))
            except forms.ValidationError as error:
                errors += [
                    _("%(filename)s: %(error)s") % {"filename": upload.name, "error": message}
                    for message in error.messages
                ]
        if errors:
            raise forms.ValidationError(errors)
        return checked


def check_photo_count(existing, added):
    if existing + len(added) > settings.SELLER_PHOTOS_PER_LISTING:
        raise forms.ValidationError(too_many_photos_message())


class ListingForm(forms.ModelForm):
    """A listing: the product's texts and facts, plus its price and stock (the stock record).

    A new listing also takes its photos (``kept_photos``: how many were received with an
    earlier, invalid attempt). Materials and techniques are those of the chosen craft
    (``catalog.crafts``); the craft defaults to the seller's usual one.
    ``by_code=True`` reads craft, region, materials and techniques by code (CSV rows).
    """

    photos = PhotosField(label=_("Choose photos"))

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

    def __init__(self, *args, seller, by_code=False, kept_photos=0, **kwargs):
        self.seller = seller
        self.kept_photos = kept_photos
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
        if self.instance.pk is not None or by_code:
            del self.fields["photos"]
        if by_code:
            for name in ("craft", "region", "materials", "techniques"):
                self.fields[name].to_field_name = "code"
        record = self.stockrecord
        if record is not None and not self.is_bound:
            craft = self.instance.categories.order_by("path").first()
            saved = {
                "price": record.price,
                "num_in_stock": record.num_in_stock,
                "sku": record.partner_sku,
                "craft": craft.pk if craft else None,
            }
            for name, value in saved.items():
                self.initial.setdefault(name, value)
        elif not self.is_bound and self.instance.pk is None:
            self.initial.setdefault("region", seller.region_id)
            self.initial.setdefault("is_public", True)
            self.initial.setdefault("craft", usual_craft(seller))
        self.offered = offered_by_craft()
        self.shown_choices = dict.fromkeys(VOCABULARIES)  # a bound form: set by ``clean``
        if not self.is_bound:
            chosen = [*self.initial.get("materials", []), *self.initial.get("techniques", [])]
            self.show_vocabulary(self.initial.get("craft"), keep=chosen)

    def show_vocabulary(self, craft_id, keep=()):
        """Which materials and techniques the page shows: the craft's, plus those in ``keep``
        (ids or rows already chosen); ``None``: all. The others are rendered ``hidden``, for
        the page's script to show when another craft is chosen."""
        offered = self.offered.get(craft_id) or dict.fromkeys(VOCABULARIES)
        ids = {str(getattr(item, "pk", item)) for item in keep}
        kept = {int(pk) for pk in ids if pk.isdigit()}
        self.shown_choices = {
            name: None if offered[name] is None else offered[name] | kept for name in VOCABULARIES
        }

    def vocabulary_by_craft(self):
        """{craft id: {"materials": [ids] or None, "techniques": ...}} for the page's script."""
        return {
            craft_id: {name: None if ids is None else sorted(ids) for name, ids in lists.items()}
            for craft_id, lists in self.offered.items()
        }

    def clean_photos(self):
        photos = self.cleaned_data["photos"]
        check_photo_count(self.kept_photos, photos)
        return photos

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
        if craft is not None:
            self.check_vocabulary(craft, cleaned)
        if craft is not None and not cleaned.get("hs_code") and craft.hs_heading:
            cleaned["hs_code"] = craft.hs_heading
            self.instance.hs_code = craft.hs_heading
        return cleaned

    def check_vocabulary(self, craft, cleaned):
        """Refuse a material or technique that does not go with the craft."""
        offered = self.offered.get(craft.pk) or dict.fromkeys(VOCABULARIES)
        chosen_ids = set()
        for name in VOCABULARIES:
            chosen = list(cleaned.get(name) or [])
            chosen_ids |= {item.pk for item in chosen}
            allowed = offered[name]
            refused = [item for item in chosen if allowed is not None and item.pk not in allowed]
            if refused:
                message = REFUSED_VOCABULARY[name](len(refused)) % {
                    "names": ", ".join(item.name for item in refused),
                    "craft": craft.name,
                }
                self.add_error(name, message)
        self.show_vocabulary(craft.pk, keep=chosen_ids)


class PhotoForm(forms.Form):
    """Photos added to a saved listing, several from one pick."""

    photos = PhotosField(label=_("Choose photos"), required=True)

    def __init__(self, *args, product, **kwargs):
        self.product = product
        super().__init__(*args, **kwargs)

    def clean_photos(self):
        photos = self.cleaned_data["photos"]
        check_photo_count(self.product.images.count(), photos)
        return photos


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
