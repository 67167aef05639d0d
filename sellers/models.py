"""Partner fork: a seller is a verified artisan or cooperative (law 50.17, law 112.12)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from oscar.apps.partner.abstract_models import AbstractPartner, AbstractStockRecord
from phonenumber_field.modelfields import PhoneNumberField

from marketplace.core import uploads
from sellers import documents, validators

SPOKEN_LANGUAGES = [
    ("ar", _("Arabic")),
    ("ary", _("Darija (Moroccan Arabic)")),
    ("zgh", _("Tamazight")),
    ("fr", _("French")),
    ("en", _("English")),
    ("es", _("Spanish")),
]


def selling_q(prefix=""):
    """The one rule: a seller may sell when verified and its professional card has not expired.

    ``prefix`` reaches the seller through a relation (e.g. ``"stockrecords__partner__"``).
    A card is valid through its expiry date; sellers without a card (cooperatives, enterprises)
    are not subject to expiry.
    """
    today = timezone.localdate()
    return Q(**{f"{prefix}status": "verified"}) & (
        Q(**{f"{prefix}card_expires_on__isnull": True})
        | Q(**{f"{prefix}card_expires_on__gte": today})
    )


class SellerQuerySet(models.QuerySet):
    def selling(self):
        """Sellers whose products may be shown and sold (see ``selling_q``)."""
        return self.filter(selling_q())


class Partner(AbstractPartner):
    """A seller. Oscar's code keeps calling it Partner; the domain calls it Seller."""

    class Kind(models.TextChoices):
        ARTISAN = "artisan", _("Artisan")
        MASTER_ARTISAN = "master_artisan", _("Master artisan (maâlem)")
        COOPERATIVE = "cooperative", _("Cooperative")
        ENTERPRISE = "enterprise", _("Craft enterprise")

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending review")
        NEEDS_INFO = "needs_info", _("Needs information")
        VERIFIED = "verified", _("Verified")
        REJECTED = "rejected", _("Rejected")
        SUSPENDED = "suspended", _("Suspended")

    slug = models.SlugField(_("Slug"), max_length=128, unique=True, null=True, blank=True)
    kind = models.CharField(_("Kind"), max_length=20, choices=Kind.choices, default=Kind.ARTISAN)
    status = models.CharField(
        _("Verification status"),
        max_length=20,
        choices=Status.choices,
        default=Status.PENDING,
        db_index=True,
    )
    verified_at = models.DateTimeField(_("Verified at"), null=True, blank=True)
    region = models.ForeignKey(
        "catalogue.Region",
        verbose_name=_("Region"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="sellers",
    )
    city = models.CharField(_("City"), max_length=80, blank=True)
    story = models.TextField(_("Story"), blank=True)

    legal_name = models.CharField(_("Legal name"), max_length=200, blank=True)
    # The name in both scripts: storefront pages show the one that fits their language
    # (``display_name``); export papers need the Latin one.
    name_latin = models.CharField(
        _("Name in Latin script"),
        max_length=128,
        blank=True,
        help_text=_("As it should read in English, French or Spanish, and on customs papers."),
    )
    name_arabic = models.CharField(_("Name in Arabic script"), max_length=128, blank=True)
    craft_branches = models.ManyToManyField(
        "catalogue.Category",
        verbose_name=_("Craft branches"),
        blank=True,
        related_name="sellers",
        limit_choices_to={"depth": 1},
    )
    photo = uploads.CheckedFileField(
        _("Photo"),
        upload_to="sellers/photos/",
        validator=uploads.SELLER_PHOTO,
        blank=True,
        max_length=255,
    )
    contact_phone = PhoneNumberField(_("Contact phone"), region="MA", blank=True)
    contact_email = models.EmailField(_("Contact email"), blank=True)
    languages_spoken = models.JSONField(_("Languages spoken"), default=list, blank=True)
    preferred_language = models.CharField(
        _("Preferred language for emails"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )

    # Artisan identity (law 50.17: National Crafts Register)
    nia = models.CharField(
        _("Crafts register identity number (NIA)"),
        max_length=30,
        blank=True,
        validators=[validators.validate_register_number],
    )
    card_number = models.CharField(
        _("Professional card number"),
        max_length=30,
        blank=True,
        validators=[validators.validate_register_number],
    )
    card_issued_on = models.DateField(_("Card issued on"), null=True, blank=True)
    card_expires_on = models.DateField(_("Card expires on"), null=True, blank=True, db_index=True)
    card_scan = uploads.CheckedFileField(
        _("Scan of the professional card"),
        storage=documents.get_private_storage,
        upload_to="sellers/cards/",
        validator=uploads.SELLER_DOCUMENT,
        blank=True,
        max_length=255,
    )

    # Cooperative identity (law 112.12: ODCO)
    odco_number = models.CharField(
        _("ODCO registration number"),
        max_length=30,
        blank=True,
        validators=[validators.validate_register_number],
    )
    ice = models.CharField(
        _("ICE (company identifier)"),
        max_length=15,
        blank=True,
        validators=[validators.validate_ice],
    )
    exporter_reference = models.CharField(
        _("Exporter reference (REX or approved exporter number)"),
        max_length=40,
        blank=True,
        help_text=_(
            "Printed with the origin statement on commercial invoices to the EU, the UK and the US."
        ),
    )
    members_count = models.PositiveIntegerField(
        _("Number of members"),
        null=True,
        blank=True,
        validators=[validators.validate_cooperative_members],
    )
    statutes = uploads.CheckedFileField(
        _("Statutes of the cooperative"),
        storage=documents.get_private_storage,
        upload_to="sellers/statutes/",
        validator=uploads.SELLER_DOCUMENT,
        blank=True,
        max_length=255,
    )

    # Payout details
    bank_name = models.CharField(_("Bank name"), max_length=100, blank=True)
    rib = models.CharField(
        _("RIB (24 digits)"), max_length=24, blank=True, validators=[validators.validate_rib]
    )
    submitted_at = models.DateTimeField(_("Application submitted at"), null=True, blank=True)

    objects = SellerQuerySet.as_manager()

    class Meta(AbstractPartner.Meta):
        permissions = (
            ("dashboard_access", "Can access dashboard"),
            ("verify_seller", "Can verify sellers (curator)"),
        )

    def clean(self):
        super().clean()
        validators.validate_card_dates(self.card_issued_on, self.card_expires_on)

    @property
    def display_name(self):
        """The name in the script of the page language: Arabic on Arabic pages, Latin elsewhere,
        falling back on the name as typed."""
        if (get_language() or "").startswith("ar"):
            return self.name_arabic or self.name
        return self.name_latin or self.name

    @property
    def export_name(self):
        """The name printed on customs papers and invoices: the Latin one whatever the page."""
        return self.name_latin or self.name

    @property
    def is_verified(self):
        return self.status == self.Status.VERIFIED

    @property
    def card_has_expired(self):
        return self.card_expires_on is not None and self.card_expires_on < timezone.localdate()

    @property
    def can_sell(self):
        """The Python face of ``selling_q``: verified, and no expired card."""
        return self.is_verified and not self.card_has_expired

    @property
    def has_artisan_identity(self):
        return self.kind in (self.Kind.ARTISAN, self.Kind.MASTER_ARTISAN)

    def get_languages_spoken_display(self):
        names = dict(SPOKEN_LANGUAGES)
        return [names[code] for code in self.languages_spoken if code in names]

    @property
    def is_cooperative(self):
        return self.kind == self.Kind.COOPERATIVE

    def get_absolute_url(self):
        return reverse("catalogue:seller", kwargs={"slug": self.slug}) if self.slug else ""


Seller = Partner


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise TypeError("Verification history is append-only.")

    def delete(self):
        raise TypeError("Verification history is append-only.")


def person_label(user):
    """A person as curators read it: name and email (the username is random, never shown)."""
    name = user.get_full_name().strip()
    email = (user.email or "").strip()
    if name and email:
        return f"{name} <{email}>"
    return name or email or user.get_username()


class VerificationEvent(models.Model):
    """One decision on a seller: who, what, from which status to which, why and when.

    Append-only: rows are never changed or deleted (they go only with their seller).
    """

    seller = models.ForeignKey(
        Partner,
        on_delete=models.CASCADE,
        related_name="verification_events",
        verbose_name=_("Seller"),
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("Decided by"),
    )
    actor_label = models.CharField(_("Decided by (as recorded)"), max_length=254, blank=True)
    action = models.CharField(_("Action"), max_length=30)
    from_status = models.CharField(
        _("From status"), max_length=20, choices=Partner.Status.choices, blank=True
    )
    to_status = models.CharField(_("To status"), max_length=20, choices=Partner.Status.choices)
    reason = models.TextField(_("Reason"), blank=True)
    created_at = models.DateTimeField(_("When"), default=timezone.now, db_index=True)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("Verification event")
        verbose_name_plural = _("Verification history")

    def __str__(self):
        return f"{self.seller_id}: {self.from_status or '-'} -> {self.to_status} ({self.action})"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise TypeError("Verification history is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TypeError("Verification history is append-only.")

    @property
    def actor_name(self):
        """Who acted, by name and email while the account exists (as recorded otherwise)."""
        return person_label(self.actor) if self.actor_id else self.actor_label


class CardExpiryNotice(models.Model):
    """A card-expiry email sent once per card and threshold (the unique key makes it so)."""

    class Threshold(models.TextChoices):
        SOON = "soon", _("Expires soon")
        EXPIRED = "expired", _("Expired")

    seller = models.ForeignKey(
        Partner, on_delete=models.CASCADE, related_name="card_expiry_notices"
    )
    card_expires_on = models.DateField()
    threshold = models.CharField(max_length=10, choices=Threshold.choices)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["seller", "card_expires_on", "threshold"], name="one_notice_per_threshold"
            )
        ]

    def __str__(self):
        return f"{self.seller_id}: card of {self.card_expires_on} {self.threshold}"


class ApplicationDraft(models.Model):
    """A valid file sent with an application form that had other errors, kept for the next
    attempt (a browser cannot refill a file input). Counted against the user's quota and
    deleted after ``SELLER_DRAFT_MAX_AGE_DAYS`` by a beat task (``sellers/apply/uploads.py``).
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="application_drafts"
    )
    field = models.CharField(max_length=20)
    filename = models.CharField(max_length=255)  # as the uploader named it, shown back only
    file = uploads.CheckedFileField(
        storage=documents.get_private_storage,
        upload_to="sellers/drafts/",
        validator=uploads.SELLER_APPLICATION_FILE,
        max_length=255,
    )
    size = models.PositiveIntegerField()
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    def __str__(self):
        return f"{self.user_id}: {self.field}"


class ApplicationProgress(models.Model):
    """An application filled in steps, saved at each step so that the applicant resumes where
    she left, from any device (``sellers/apply/steps.py``): the kind chosen, the last step
    shown, the values as typed (checked again when she sends) and the ids of her kept files
    (``ApplicationDraft``). Deleted when the application is sent, or after
    ``SELLER_APPLICATION_MAX_AGE_DAYS`` without a change.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="application_progress"
    )
    kind = models.CharField(max_length=20, choices=Partner.Kind.choices, blank=True)
    step = models.CharField(max_length=20, blank=True)
    values = models.JSONField(default=dict, blank=True)
    files = models.JSONField(default=dict, blank=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    def __str__(self):
        return f"{self.user_id}: {self.kind or '-'} at {self.step or '-'}"


class StockRecord(AbstractStockRecord):
    class Meta(AbstractStockRecord.Meta):
        constraints = [
            models.UniqueConstraint(fields=["product"], name="one_seller_stockrecord_per_product")
        ]


from oscar.apps.partner.models import *  # noqa: E402
