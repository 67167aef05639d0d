"""Per-seller fulfilment of an order: one row per (order, seller) and its event history."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Fulfilment(models.Model):
    """How far one seller has got with its own lines of one order."""

    class Status(models.TextChoices):
        PAID = "paid", _("Paid")
        IN_PREPARATION = "in_preparation", _("In preparation")
        SHIPPED = "shipped", _("Shipped")
        DELIVERED = "delivered", _("Delivered")

    order = models.ForeignKey(
        "order.Order", on_delete=models.CASCADE, related_name="seller_fulfilments"
    )
    seller = models.ForeignKey(
        "partner.Partner", on_delete=models.PROTECT, related_name="fulfilments"
    )
    status = models.CharField(
        _("Status"), max_length=20, choices=Status.choices, default=Status.PAID, db_index=True
    )
    # The code of a shipping Carrier (shipping's Carrier table); the parcel holds the service.
    carrier = models.CharField(_("Carrier"), max_length=40, blank=True)
    tracking_number = models.CharField(_("Tracking number"), max_length=64, blank=True)
    created_at = models.DateTimeField(_("Created at"), auto_now_add=True)
    preparing_at = models.DateTimeField(_("In preparation since"), null=True, blank=True)
    shipped_at = models.DateTimeField(_("Shipped at"), null=True, blank=True)
    delivered_at = models.DateTimeField(_("Delivered at"), null=True, blank=True)
    updated_at = models.DateTimeField(_("Updated at"), auto_now=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("Fulfilment")
        verbose_name_plural = _("Fulfilments")
        constraints = [
            models.UniqueConstraint(fields=["order", "seller"], name="one_fulfilment_per_seller")
        ]

    def __str__(self):
        return f"{self.order_id}/{self.seller_id}: {self.status}"


class AppendOnlyError(Exception):
    """A fulfilment event is history: it is never changed or deleted."""


class FulfilmentEvent(models.Model):
    """One transition of a fulfilment; rows are only ever added."""

    fulfilment = models.ForeignKey(Fulfilment, on_delete=models.CASCADE, related_name="events")
    from_status = models.CharField(_("From"), max_length=20, blank=True)
    to_status = models.CharField(_("To"), max_length=20)
    carrier = models.CharField(_("Carrier"), max_length=40, blank=True)
    tracking_number = models.CharField(_("Tracking number"), max_length=64, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("At"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("Fulfilment event")
        verbose_name_plural = _("Fulfilment events")

    def __str__(self):
        return f"{self.from_status or '-'} -> {self.to_status}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise AppendOnlyError("Fulfilment events cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Fulfilment events cannot be deleted.")

    def get_to_status_display(self):
        return Fulfilment.Status(self.to_status).label
