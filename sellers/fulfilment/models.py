"""Fulfilment: the parcel is the unit a seller ships, with its status, tracking, papers and
history. One parcel per (order, seller)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sellers.documents import get_private_storage


class Parcel(models.Model):
    """One seller's share of an order, shipped from the seller's city."""

    class Status(models.TextChoices):
        PAID = "paid", _("Paid")
        IN_PREPARATION = "in_preparation", _("In preparation")
        SHIPPED = "shipped", _("Shipped")
        DELIVERED = "delivered", _("Delivered")

    class Incoterm(models.TextChoices):
        DDP = "DDP", _("Duties paid at checkout (DDP)")
        DAP = "DAP", _("Duties paid on delivery (DAP)")

    order = models.ForeignKey(
        "order.Order", verbose_name=_("Order"), on_delete=models.CASCADE, related_name="parcels"
    )
    partner = models.ForeignKey(
        "partner.Partner",
        verbose_name=_("Seller"),
        on_delete=models.PROTECT,
        related_name="parcels",
    )
    status = models.CharField(
        _("Status"), max_length=20, choices=Status.choices, default=Status.PAID, db_index=True
    )
    service = models.ForeignKey(
        "shipping.Service",
        verbose_name=_("Service"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
    )
    incoterm = models.CharField(
        _("Incoterm"), max_length=3, choices=Incoterm.choices, default=Incoterm.DAP
    )
    origin_city = models.CharField(_("Origin city"), max_length=80, blank=True)
    shipping_charge = models.DecimalField(
        _("Shipping (MAD)"), max_digits=10, decimal_places=2, default=0
    )
    duties_at_checkout = models.DecimalField(
        _("Duties and taxes paid at checkout (MAD)"), max_digits=10, decimal_places=2, default=0
    )
    duties_on_delivery = models.DecimalField(
        _("Duties and taxes due on delivery, estimate (MAD)"),
        max_digits=10,
        decimal_places=2,
        default=0,
    )
    charge_lines = models.JSONField(
        _("Duty and tax lines"),
        default=list,
        blank=True,
        help_text=_(
            "Each duty and tax as the buyer saw it when the order was placed: label in each "
            "site language, amount (MAD), whether paid at checkout."
        ),
    )
    tracking_number = models.CharField(_("Tracking number"), max_length=64, blank=True)
    packing_check_required = models.BooleanField(_("Packing check required"), default=False)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("Packing checked by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    checked_at = models.DateTimeField(_("Packing checked at"), null=True, blank=True)
    preparing_at = models.DateTimeField(_("In preparation since"), null=True, blank=True)
    shipped_at = models.DateTimeField(_("Shipped at"), null=True, blank=True)
    delivered_at = models.DateTimeField(_("Delivered at"), null=True, blank=True)
    tracked_delivered_at = models.DateTimeField(
        _("Delivered according to the carrier's tracking"), null=True, blank=True
    )
    shipping_refunded_at = models.DateTimeField(
        _("Shipping and duties refunded at"), null=True, blank=True
    )
    created = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(_("Updated at"), auto_now=True)

    invoice_number = models.PositiveIntegerField(
        _("Commercial invoice number"), null=True, blank=True, editable=False
    )

    class Meta:
        ordering = ["order", "partner"]
        constraints = [
            models.UniqueConstraint(fields=["order", "partner"], name="one_parcel_per_seller"),
            models.UniqueConstraint(
                fields=["partner", "invoice_number"], name="one_invoice_number_per_seller"
            ),
        ]
        permissions = [("check_parcel", "Can confirm a parcel before dispatch")]
        verbose_name = _("Parcel")
        verbose_name_plural = _("Parcels")

    def __str__(self):
        return f"{self.order.number} / {self.partner}"

    @property
    def tracking_url(self):
        return self.service.carrier.tracking_url(self.tracking_number) if self.service else ""

    @property
    def awaits_packing_check(self):
        return self.packing_check_required and self.checked_at is None


class InvoiceCounter(models.Model):
    """The last commercial invoice number a seller used: one row per seller, locked while a
    number is taken (``sellers.fulfilment.invoices.allocate``)."""

    partner = models.OneToOneField(
        "partner.Partner",
        verbose_name=_("Seller"),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="invoice_counter",
    )
    last_number = models.PositiveIntegerField(_("Last invoice number"), default=0)

    class Meta:
        verbose_name = _("Invoice counter")
        verbose_name_plural = _("Invoice counters")

    def __str__(self):
        return f"{self.partner_id}: {self.last_number}"


class ParcelDocument(models.Model):
    class Kind(models.TextChoices):
        INVOICE = "invoice", _("Commercial invoice")
        CN22 = "cn22", _("CN22 customs declaration")
        CN23 = "cn23", _("CN23 customs declaration")
        PACKING_LIST = "packing_list", _("Packing list")

    parcel = models.ForeignKey(
        Parcel, verbose_name=_("Parcel"), on_delete=models.CASCADE, related_name="documents"
    )
    kind = models.CharField(_("Kind"), max_length=20, choices=Kind.choices)
    file = models.FileField(_("File"), upload_to="customs/%Y/%m/", storage=get_private_storage)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["parcel", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["parcel", "kind"], name="one_document_per_kind")
        ]
        verbose_name = _("Customs document")
        verbose_name_plural = _("Customs documents")

    def __str__(self):
        return f"{self.parcel} {self.get_kind_display()}"


class AppendOnlyError(Exception):
    """A parcel event is history: it is never changed or deleted."""


class ParcelEvent(models.Model):
    """One transition of a parcel, or one event of its carrier's tracking; rows are only ever
    added. A carrier's event carries the carrier's own id (``event_id``): the same event
    received twice (webhook replayed, webhook and polling) is recorded once."""

    class Source(models.TextChoices):
        MANUAL = "manual", _("Seller or staff")
        CARRIER = "carrier", _("Carrier tracking")

    parcel = models.ForeignKey(Parcel, on_delete=models.CASCADE, related_name="events")
    from_status = models.CharField(_("From"), max_length=20, blank=True)
    to_status = models.CharField(_("To"), max_length=20)
    carrier = models.CharField(_("Carrier"), max_length=40, blank=True)
    tracking_number = models.CharField(_("Tracking number"), max_length=64, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    source = models.CharField(
        _("Source"), max_length=10, choices=Source.choices, default=Source.MANUAL
    )
    event_id = models.CharField(_("Carrier's event id"), max_length=120, blank=True)
    description = models.CharField(_("Description"), max_length=200, blank=True)
    location = models.CharField(_("Location"), max_length=120, blank=True)
    occurred_at = models.DateTimeField(_("Occurred at"), null=True, blank=True)
    created_at = models.DateTimeField(_("At"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["carrier", "event_id"],
                condition=~models.Q(event_id=""),
                name="one_event_per_carrier_event_id",
            )
        ]
        verbose_name = _("Parcel event")
        verbose_name_plural = _("Parcel events")

    def __str__(self):
        return f"{self.from_status or '-'} -> {self.to_status}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise AppendOnlyError("Parcel events cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Parcel events cannot be deleted.")

    def get_to_status_display(self):
        return Parcel.Status(self.to_status).label
