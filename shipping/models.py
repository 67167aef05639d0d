"""Shipping fork: carriers, services, zones and rates, and each seller's shipping settings."""

from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from marketplace.core.countries import parse_country_list


class Carrier(models.Model):
    code = models.SlugField(_("Code"), max_length=40, unique=True)
    name = models.CharField(_("Name"), max_length=80)
    tracking_url_template = models.CharField(
        _("Tracking URL template"),
        max_length=300,
        blank=True,
        help_text=_("The tracking page, with {number} where the tracking number goes."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("Carrier")
        verbose_name_plural = _("Carriers")

    def __str__(self):
        return self.name

    def tracking_url(self, number):
        if not (self.tracking_url_template and number):
            return ""
        from urllib.parse import quote

        return self.tracking_url_template.replace("{number}", quote(number, safe=""))


class Service(models.Model):
    """A carrier's service (e.g. DHL Express Worldwide): how it bills, how fast it goes, and
    what it carries (its heaviest rate bracket to a zone, and its weight, size and value
    limits: ``shipping.services.refusal``)."""

    carrier = models.ForeignKey(
        Carrier, verbose_name=_("Carrier"), on_delete=models.CASCADE, related_name="services"
    )
    code = models.SlugField(_("Code"), max_length=40, unique=True)
    name = models.CharField(_("Name"), max_length=80)
    is_postal = models.BooleanField(
        _("Postal service"), default=False, help_text=_("Postal parcels carry a CN22 or CN23.")
    )
    bills_volumetric_weight = models.BooleanField(_("Bills volumetric weight"), default=False)
    volumetric_divisor = models.PositiveIntegerField(
        _("Volumetric divisor"), default=5000, validators=[MinValueValidator(1)]
    )
    ddp_available = models.BooleanField(_("Duties paid at checkout (DDP) offered"), default=False)
    max_weight_kg = models.DecimalField(
        _("Heaviest parcel (kg)"),
        max_digits=7,
        decimal_places=3,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.001"))],
        help_text=_("Actual weight; empty: up to the heaviest rate bracket."),
    )
    max_length_cm = models.DecimalField(
        _("Longest side (cm)"),
        max_digits=6,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.1"))],
        help_text=_("Empty: no limit."),
    )
    max_value = models.DecimalField(
        _("Highest declared value (MAD)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("Empty: no limit."),
    )
    transit_days_min = models.PositiveSmallIntegerField(_("Transit days (min)"))
    transit_days_max = models.PositiveSmallIntegerField(_("Transit days (max)"))
    is_active = models.BooleanField(_("Active"), default=True)

    class Meta:
        ordering = ["carrier__name", "name"]
        verbose_name = _("Shipping service")
        verbose_name_plural = _("Shipping services")

    def __str__(self):
        return f"{self.carrier.name} {self.name}"


class Zone(models.Model):
    """A carrier's destination zone: a list of ISO country codes."""

    carrier = models.ForeignKey(
        Carrier, verbose_name=_("Carrier"), on_delete=models.CASCADE, related_name="zones"
    )
    code = models.SlugField(_("Code"), max_length=40)
    name = models.CharField(_("Name"), max_length=80)
    countries = models.TextField(
        _("Countries"), help_text=_("ISO 3166 two-letter codes, separated by commas.")
    )

    class Meta:
        ordering = ["carrier__name", "code"]
        constraints = [
            models.UniqueConstraint(fields=["carrier", "code"], name="one_zone_code_per_carrier")
        ]
        verbose_name = _("Zone")
        verbose_name_plural = _("Zones")

    def __str__(self):
        return f"{self.carrier.name}: {self.name}"

    def save(self, *args, **kwargs):
        self.countries = ",".join(parse_country_list(self.countries))
        super().save(*args, **kwargs)

    @property
    def country_codes(self):
        return parse_country_list(self.countries)


class Rate(models.Model):
    """The price (MAD) of a service to a zone for a chargeable weight up to ``max_weight_kg``."""

    service = models.ForeignKey(
        Service, verbose_name=_("Service"), on_delete=models.CASCADE, related_name="rates"
    )
    zone = models.ForeignKey(
        Zone, verbose_name=_("Zone"), on_delete=models.CASCADE, related_name="rates"
    )
    max_weight_kg = models.DecimalField(
        _("Up to (kg)"),
        max_digits=7,
        decimal_places=3,
        validators=[MinValueValidator(Decimal("0.001"))],
    )
    price = models.DecimalField(
        _("Price (MAD)"), max_digits=10, decimal_places=2, validators=[MinValueValidator(0)]
    )

    class Meta:
        ordering = ["service", "zone", "max_weight_kg"]
        constraints = [
            models.UniqueConstraint(
                fields=["service", "zone", "max_weight_kg"], name="one_rate_per_bracket"
            )
        ]
        verbose_name = _("Rate")
        verbose_name_plural = _("Rates")

    def __str__(self):
        return f"{self.service} / {self.zone.code} <= {self.max_weight_kg} kg: {self.price} MAD"


class SellerShipping(models.Model):
    """A seller's shipping settings: whether a packing check must precede dispatch."""

    partner = models.OneToOneField(
        "partner.Partner",
        verbose_name=_("Seller"),
        on_delete=models.CASCADE,
        related_name="shipping_settings",
    )
    packing_check_required = models.BooleanField(_("Packing check before dispatch"), default=False)

    class Meta:
        verbose_name = _("Seller shipping settings")
        verbose_name_plural = _("Seller shipping settings")

    def __str__(self):
        return str(self.partner)


from oscar.apps.shipping.models import *  # noqa: E402
