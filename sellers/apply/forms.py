"""The seller application: one form, with the identity fields its kind requires.

The steps of ``sellers/apply/steps.py`` each show a part of it (``only``) for one branch
(``kind``): the rules stay here, and the whole form checks everything again when it is sent.
"""

from django import forms
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from marketplace.core.forms import CodeField, IdentifierField, PhoneField, localized_formfield
from sellers import validators
from sellers.models import SPOKEN_LANGUAGES

Partner = get_model("partner", "Partner")
Category = get_model("catalogue", "Category")

ARTISAN_FIELDS = ("nia", "card_number", "card_issued_on", "card_expires_on", "card_scan")
COOPERATIVE_FIELDS = ("odco_number", "ice", "members_count", "statutes")
ARTISAN_KINDS = (Partner.Kind.ARTISAN, Partner.Kind.MASTER_ARTISAN)
REQUIRED_BY_KIND = {
    Partner.Kind.ARTISAN: ARTISAN_FIELDS,
    Partner.Kind.MASTER_ARTISAN: ARTISAN_FIELDS,
    Partner.Kind.COOPERATIVE: COOPERATIVE_FIELDS,
    Partner.Kind.ENTERPRISE: ("ice",),
}
ALWAYS_REQUIRED = (
    "name_latin",
    "region",
    "city",
    "craft_branches",
    "contact_phone",
    "bank_name",
    "rib",
)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


NAME_LABELS = {
    "name_latin": _("Name shown to buyers, in Latin letters"),
    "name_arabic": _("Name shown to buyers, in Arabic letters"),
}
NAME_HELP_TEXTS = {
    "name_latin": _("Shown on English, French and Spanish pages and printed on customs papers."),
    "name_arabic": _("Shown on Arabic pages; if empty, they show the Latin name."),
}

NAME_WIDGETS = {
    "name_latin": forms.TextInput(attrs={"dir": "ltr", "autocomplete": "organization"}),
    "name_arabic": forms.TextInput(attrs={"dir": "rtl", "lang": "ar"}),
}


class SellerNamesMixin:
    """The seller's name in both scripts (application and profile): the Latin one is required
    (export papers), the Arabic one is shown on Arabic pages; ``name`` follows the Latin one."""

    def clean_name_latin(self):
        name = (self.cleaned_data.get("name_latin") or "").strip()
        validators.validate_latin_name(name)
        return name

    def clean_name_arabic(self):
        name = (self.cleaned_data.get("name_arabic") or "").strip()
        validators.validate_arabic_name(name)
        return name

    def _post_clean(self):
        super()._post_clean()
        if self.instance.name_latin:
            self.instance.name = self.instance.name_latin


def branch_fields(kind):
    """The identity fields of ``kind``'s branch: the card for artisans, the registration for
    cooperatives and enterprises."""
    return ARTISAN_FIELDS if kind in ARTISAN_KINDS else COOPERATIVE_FIELDS


def other_branch_fields(kind):
    return COOPERATIVE_FIELDS if kind in ARTISAN_KINDS else ARTISAN_FIELDS


class FileButtonInput(forms.FileInput):
    """A file input shown as buttons a thumb can hit: "Choose a file" (files, gallery or
    camera, as the phone offers) and, where a photo makes sense, "Take a photo" (opens the
    camera). Each is a label wrapping its input; the chosen file is the one sent."""

    def __init__(self, attrs=None, accept="image/*,application/pdf", capture=None):
        super().__init__({"accept": accept, **(attrs or {})})
        self.capture = capture

    def render(self, name, value, attrs=None, renderer=None):
        attrs = self.build_attrs(self.attrs, attrs)
        attrs["class"] = "file-input"
        buttons = [self._button(name, attrs, _("Choose a file"))]
        if self.capture:
            camera = {
                **attrs,
                "id": f"{attrs['id']}_camera",
                "accept": "image/*",
                "capture": self.capture,
            }
            buttons.append(self._button(name, camera, _("Take a photo")))
        return format_html(
            '<span class="file-buttons">{}<span class="file-chosen" aria-live="polite"></span>'
            "</span>",
            format_html_join("", "{}", ((button,) for button in buttons)),
        )

    def _button(self, name, attrs, text):
        return format_html(
            '<label class="file-button">{}<span>{}</span></label>',
            super().render(name, None, attrs),
            text,
        )


class ApplicationForm(SellerNamesMixin, forms.ModelForm):
    languages_spoken = forms.MultipleChoiceField(
        label=_("Languages spoken"),
        choices=SPOKEN_LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Partner
        fields = (
            "kind",
            "name_latin",
            "name_arabic",
            "legal_name",
            "region",
            "city",
            "craft_branches",
            "story",
            "photo",
            "contact_phone",
            "contact_email",
            "languages_spoken",
            "preferred_language",
            *ARTISAN_FIELDS,
            *COOPERATIVE_FIELDS,
            "bank_name",
            "rib",
        )
        labels = NAME_LABELS
        formfield_callback = localized_formfield
        field_classes = {
            "contact_phone": PhoneField,
            "rib": IdentifierField,
            "ice": IdentifierField,
            "nia": CodeField,
            "card_number": CodeField,
            "odco_number": CodeField,
        }
        help_texts = {
            **NAME_HELP_TEXTS,
            "legal_name": _("As on your card or the cooperative's registration."),
            "contact_phone": _("Moroccan (06 12 34 56 78) or international (+33 6 ...) number."),
            "rib": _("24 digits, spaces allowed: your payouts are sent to this account."),
            "ice": _("15 digits."),
            "card_scan": _("PDF, JPEG or PNG; both sides if possible."),
            "statutes": _("PDF, JPEG or PNG."),
        }
        widgets = {
            **NAME_WIDGETS,
            "kind": forms.RadioSelect,
            "craft_branches": forms.CheckboxSelectMultiple,
            "story": forms.Textarea(attrs={"rows": 5}),
            "card_issued_on": DateInput,
            "card_expires_on": DateInput,
        }

    def __init__(self, *args, kind=None, only=None, **kwargs):
        """``kind``: the branch already chosen (the other branch's fields are left out);
        ``only``: the fields of one step."""
        super().__init__(*args, **kwargs)
        self.kind = kind
        for name in other_branch_fields(kind) if kind else ():
            del self.fields[name]
        for name in [name for name in self.fields if only is not None and name not in only]:
            del self.fields[name]
        fields = self.fields
        if "craft_branches" in fields:
            fields["craft_branches"].queryset = Category.objects.filter(depth=1).order_by("path")
        if "region" in fields:
            fields["region"].queryset = fields["region"].queryset.order_by("pk")
        if "photo" in fields:
            fields["photo"].widget = FileButtonInput(accept="image/*", capture="user")
        for name in ("card_scan", "statutes"):
            if name in fields:
                fields[name].widget = FileButtonInput(capture="environment")
        for name in ALWAYS_REQUIRED:
            if name in fields:
                fields[name].required = True

    def clean_rib(self):
        return validators.compact(self.cleaned_data.get("rib"))

    def clean_ice(self):
        return validators.compact(self.cleaned_data.get("ice"))

    def clean_card_expires_on(self):
        expires_on = self.cleaned_data.get("card_expires_on")
        if expires_on and expires_on < timezone.localdate():
            raise forms.ValidationError(_("This card has expired: apply with your current card."))
        return expires_on

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind") or self.kind
        for name in REQUIRED_BY_KIND.get(kind, ()):
            if name in self.errors or name not in self.fields:
                continue
            value = cleaned.get(name)
            if value in (None, "", False) and not getattr(self.instance, name, None):
                self.add_error(name, _("Required for this kind of seller."))
        return cleaned

    def save(self, commit=True):
        seller = super().save(commit=False)
        if not seller.slug:
            seller.slug = unique_slug(seller.name)
        if commit:
            seller.save()
            self._save_m2m()
        return seller


def unique_slug(name):
    base = slugify(name)[:100] or "seller"
    slug, n = base, 1
    while Partner.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


class ResubmitForm(ApplicationForm):
    answer = forms.CharField(
        label=_("Your answer to the curator"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
    )
