"""The payout ledger: what the marketplace owes each seller, entry by entry."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class LedgerEntry(models.Model):
    """A credit (a delivered line, net of commission) or a debit (a refund), in MAD.

    ``amount`` is signed: credits are positive, debits negative. ``key`` makes each entry
    unique, so recording the same event twice writes one row.
    """

    class Kind(models.TextChoices):
        CREDIT = "credit", _("Sale delivered")
        REFUND = "refund", _("Refund")

    seller = models.ForeignKey(
        "partner.Partner", on_delete=models.PROTECT, related_name="ledger_entries"
    )
    kind = models.CharField(_("Kind"), max_length=20, choices=Kind.choices)
    key = models.CharField(max_length=160, unique=True)
    line = models.ForeignKey(
        "order.Line", on_delete=models.PROTECT, null=True, blank=True, related_name="ledger_entries"
    )
    order_number = models.CharField(_("Order number"), max_length=128, blank=True)
    reference = models.CharField(_("Reference"), max_length=128, blank=True)
    gross = models.DecimalField(_("Gross"), max_digits=12, decimal_places=2)
    commission = models.DecimalField(_("Commission"), max_digits=12, decimal_places=2)
    amount = models.DecimalField(_("Amount"), max_digits=12, decimal_places=2)
    currency = models.CharField(_("Currency"), max_length=3, default="MAD")
    available_on = models.DateField(_("Available on"))
    created_at = models.DateTimeField(_("Recorded at"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("Ledger entry")
        verbose_name_plural = _("Ledger entries")
        indexes = [models.Index(fields=["seller", "created_at"], name="ledger_seller_created")]

    def __str__(self):
        return f"{self.key}: {self.amount} {self.currency}"
