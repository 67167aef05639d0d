"""Freight for wholesale orders above parcel limits: the rates staff enter (per cubic metre
and per pallet, by destination country and port, with a minimum and validity dates), the
freight quote of an order (computed from a rate and the cartons, or entered as an override),
and the cartons each seller packs its part of the order into.

Imported at the end of ``wholesale.models`` (no import of it here: the foreign keys name
their models by string)."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

ZERO = Decimal("0")


class FreightRate(models.Model):
    """One line of the freight rates table, in MAD."""

    country = models.CharField(_("destination country"), max_length=2)
    port = models.CharField(
        _("destination port"),
        max_length=60,
        blank=True,
        help_text=_("Empty: any port or place of the country."),
    )
    per_cubic_metre = models.DecimalField(
        _("price per cubic metre (MAD)"),
        max_digits=10,
        decimal_places=2,
        default=ZERO,
        validators=[MinValueValidator(ZERO)],
    )
    per_pallet = models.DecimalField(
        _("price per pallet (MAD)"),
        max_digits=10,
        decimal_places=2,
        default=ZERO,
        validators=[MinValueValidator(ZERO)],
    )
    pallet_capacity = models.DecimalField(
        _("pallet capacity (cubic metres)"),
        max_digits=5,
        decimal_places=2,
        default=Decimal("1.50"),
        validators=[MinValueValidator(Decimal("0.01"))],
    )
    minimum_charge = models.DecimalField(
        _("minimum charge (MAD)"),
        max_digits=10,
        decimal_places=2,
        default=ZERO,
        validators=[MinValueValidator(ZERO)],
    )
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(_("valid until"))

    class Meta:
        verbose_name = _("freight rate")
        verbose_name_plural = _("freight rates")
        ordering = ["country", "port", "-valid_from"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__gte=F("valid_from")), name="wholesale_freight_rate_dates"
            )
        ]

    def __str__(self):
        place = f"{self.country} {self.port}".strip()
        return f"{place} ({self.valid_from} – {self.valid_until})"


class FreightQuote(models.Model):
    """The freight price of a wholesale order: computed from a rate and the order's cartons, or
    entered by staff as an override (``rate`` empty)."""

    order = models.OneToOneField(
        "wholesale.WholesaleOrder", on_delete=models.CASCADE, related_name="freight"
    )
    rate = models.ForeignKey(FreightRate, null=True, blank=True, on_delete=models.PROTECT)
    port = models.CharField(_("destination port"), max_length=60, blank=True)
    volume = models.DecimalField(_("volume (cubic metres)"), max_digits=9, decimal_places=3)
    pallets = models.PositiveIntegerField(_("pallets"))
    amount = models.DecimalField(_("freight (MAD)"), max_digits=12, decimal_places=2)
    note = models.CharField(_("note"), max_length=200, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("freight quote")

    def __str__(self):
        return f"{self.order_id}: {self.amount} MAD"

    @property
    def is_override(self):
        return self.rate_id is None


class Carton(models.Model):
    """One carton a seller packs for its part of a wholesale order."""

    order = models.ForeignKey(
        "wholesale.WholesaleOrder", on_delete=models.CASCADE, related_name="cartons"
    )
    seller = models.ForeignKey("partner.Partner", on_delete=models.CASCADE, related_name="+")
    number = models.PositiveIntegerField(_("carton number"), validators=[MinValueValidator(1)])
    length_cm = models.DecimalField(_("length (cm)"), max_digits=6, decimal_places=1)
    width_cm = models.DecimalField(_("width (cm)"), max_digits=6, decimal_places=1)
    height_cm = models.DecimalField(_("height (cm)"), max_digits=6, decimal_places=1)
    gross_kg = models.DecimalField(_("gross weight (kg)"), max_digits=8, decimal_places=3)
    net_kg = models.DecimalField(_("net weight (kg)"), max_digits=8, decimal_places=3)

    class Meta:
        ordering = ["order", "seller", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["order", "seller", "number"], name="wholesale_carton_number"
            ),
            models.CheckConstraint(
                condition=Q(net_kg__lte=F("gross_kg")), name="wholesale_carton_net_le_gross"
            ),
        ]

    def __str__(self):
        return f"{self.order_id}/{self.seller_id} #{self.number}"

    @property
    def volume(self):
        """Cubic metres."""
        return self.length_cm * self.width_cm * self.height_cm / Decimal(1_000_000)


class CartonItem(models.Model):
    carton = models.ForeignKey(Carton, on_delete=models.CASCADE, related_name="items")
    line = models.ForeignKey("wholesale.QuoteLine", on_delete=models.PROTECT, related_name="+")
    quantity = models.PositiveIntegerField(validators=[MinValueValidator(1)])

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["carton", "line"], name="wholesale_carton_item_line")
        ]

    def __str__(self):
        return f"{self.quantity} x {self.line_id}"
