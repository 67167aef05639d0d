"""Quality certificates, products' export profiles and the destination rules that use them."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from compliance.certificates.lots import (
    covers_lot,
    normalise_lot,
    parse_lot_codes,
    validate_lot_code,
    validate_lot_codes,
)
from compliance.kinds import KIND_CHOICES
from marketplace.core import uploads


def private_storage():
    from django.core.files.storage import storages

    return storages["private"]


class CertificateType(models.TextChoices):
    LAB_TEST = "lab_test", _("Lab test report")
    DECLARATION = "declaration", _("Declaration of compliance")
    QUALITY_LABEL = "quality_label", _("Quality label (e.g. Madmoun)")
    ORIGIN_PROOF = "origin_proof", _("Origin proof (EUR.1 or origin statement)")
    LACEY_ACT = "lacey_act", _("Lacey Act declaration")
    CPSIA = "cpsia", _("CPSIA children's product certificate")
    NOTIFICATION = "notification", _("Cosmetic product notification (CPNP, SCPN, MoCRA, CNF)")
    RESPONSIBLE_PERSON = "responsible_person", _("Cosmetics responsible person designation")


class CertificateQuerySet(models.QuerySet):
    def valid_on(self, day):
        """Verified by a curator, issued by ``day`` and not expired on it."""
        return self.filter(
            verified_at__isnull=False,
            issued_on__lte=day,
        ).filter(Q(expires_on__isnull=True) | Q(expires_on__gte=day))


class Certificate(models.Model):
    partner = models.ForeignKey(
        "partner.Partner",
        verbose_name=_("Seller"),
        on_delete=models.CASCADE,
        related_name="certificates",
    )
    type = models.CharField(_("Type"), max_length=20, choices=CertificateType.choices)
    standard = models.CharField(
        _("Standard"), max_length=120, blank=True, help_text=_("e.g. ASTM C738, EN ISO 17075")
    )
    lab = models.CharField(_("Laboratory or issuer"), max_length=120, blank=True)
    accreditation = models.CharField(
        _("Accreditation"), max_length=120, blank=True, help_text=_("e.g. ISO/IEC 17025")
    )
    issued_on = models.DateField(_("Issued on"))
    expires_on = models.DateField(_("Expires on"), null=True, blank=True)
    results = models.TextField(_("Results"), blank=True)
    document = uploads.CheckedFileField(
        _("Document"),
        upload_to="certificates/%Y/",
        storage=private_storage,
        validator=uploads.CERTIFICATE,
    )
    products = models.ManyToManyField(
        "catalogue.Product", verbose_name=_("Products covered"), related_name="certificates"
    )
    lot_codes = models.TextField(
        _("Lots covered"),
        blank=True,
        validators=[validate_lot_codes],
        help_text=_(
            "Batch (lot) codes separated by commas. Empty: every lot of the products covered."
        ),
    )
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Verified by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    verified_at = models.DateTimeField(_("Verified at"), null=True, blank=True)
    expiry_warned_at = models.DateTimeField(null=True, blank=True, editable=False)
    expiry_applied_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = CertificateQuerySet.as_manager()

    class Meta:
        ordering = ["-issued_on"]
        verbose_name = _("Quality certificate")
        verbose_name_plural = _("Quality certificates")

    def __str__(self):
        return f"{self.get_type_display()} {self.standard}".strip()

    def save(self, *args, **kwargs):
        self.lot_codes = ",".join(parse_lot_codes(self.lot_codes))
        super().save(*args, **kwargs)

    def is_valid_on(self, day):
        return (
            self.verified_at is not None
            and self.issued_on <= day
            and (self.expires_on is None or day <= self.expires_on)
        )

    def covers_lot(self, lot):
        return covers_lot(self.lot_codes, lot)

    def verify(self, user):
        self.verified_by, self.verified_at = user, timezone.now()
        self.save(update_fields=["verified_by", "verified_at"])


class ExportProfile(models.Model):
    """What a product is, for export rules, beyond what its HS code says."""

    product = models.OneToOneField(
        "catalogue.Product",
        verbose_name=_("Product"),
        on_delete=models.CASCADE,
        related_name="export_profile",
    )
    food_contact = models.BooleanField(_("Meant for food or drink"), default=False)
    marked_not_for_food = models.BooleanField(
        _("Permanently marked 'not for food use'"), default=False
    )
    for_children = models.BooleanField(_("Made for children 12 or under"), default=False)
    current_lot = models.CharField(
        _("Current lot"),
        max_length=40,
        blank=True,
        validators=[validate_lot_code],
        help_text=_("The batch (lot) code of the pieces now in stock."),
    )

    class Meta:
        verbose_name = _("Export profile")
        verbose_name_plural = _("Export profiles")

    def __str__(self):
        return str(self.product)

    def save(self, *args, **kwargs):
        self.current_lot = normalise_lot(self.current_lot)
        super().save(*args, **kwargs)


class DestinationRule(models.Model):
    """(destination, product kind) -> a certificate the piece needs to ship there."""

    destination = models.CharField(
        _("Destination"),
        max_length=3,
        help_text=_("A two-letter country code, or EU for every member state."),
    )
    product_kind = models.CharField(_("Product kind"), max_length=30, choices=KIND_CHOICES)
    certificate_type = models.CharField(
        _("Required certificate"), max_length=20, choices=CertificateType.choices
    )
    standard_contains = models.CharField(
        _("Standard must mention"), max_length=60, blank=True, help_text=_("e.g. ASTM C738")
    )
    exempt_if_marked_not_for_food = models.BooleanField(
        _("Not needed on pieces marked 'not for food use'"), default=False
    )
    valid_from = models.DateField(_("Valid from"))
    valid_to = models.DateField(_("Valid to"), null=True, blank=True)
    legal_source = models.CharField(
        _("Legal source"),
        max_length=300,
        blank=True,
        help_text=_("The law that makes the rule, with its article, e.g. SOR/2016-175, s. 2."),
    )
    source_url = models.URLField(_("Source link"), max_length=300, blank=True)

    class Meta:
        ordering = ["destination", "product_kind"]
        verbose_name = _("Destination rule")
        verbose_name_plural = _("Destination rules")

    def __str__(self):
        return f"{self.destination} / {self.product_kind} -> {self.certificate_type}"

    def covers(self, certificate):
        return certificate.type == self.certificate_type and (
            self.standard_contains.lower() in certificate.standard.lower()
        )
