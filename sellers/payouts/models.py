"""The payout ledger: what the marketplace owes each seller, entry by entry, and the payouts
that pay it to the sellers' banks."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class LedgerEntry(models.Model):
    """A credit (a shipped line, net of commission) or a debit (a refund), in MAD.

    ``amount`` is signed: credits are positive, debits negative. ``key`` makes each entry
    unique, so recording the same event twice writes one row.

    A credit of a disputed order is frozen (``frozen_by``, kept afterwards as its history) until
    the dispute is settled: no payout takes it meanwhile. A dispute lost is a debit of kind
    ``dispute`` per line; a dispute won, an entry of nothing per seller, for its statement.

    A credit is held: ``available_on`` is the day its hold ends (the maximum time after
    shipment until the carrier's tracking says delivered, then the hold period after that
    delivery); the release task sets ``released_at`` once that day has come. A released entry
    (debits are released when written) goes into the seller's next ``Payout``.
    """

    class Kind(models.TextChoices):
        CREDIT = "credit", _("Sale")
        REFUND = "refund", _("Refund")
        DISPUTE = "dispute", _("Dispute lost")
        DISPUTE_WON = "dispute_won", _("Dispute won")

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
    released_at = models.DateTimeField(_("Released at"), null=True, blank=True, db_index=True)
    payout = models.ForeignKey(
        "payouts.Payout",
        verbose_name=_("Payout"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="entries",
    )
    frozen_by = models.ForeignKey(
        "payments.Dispute",
        verbose_name=_("Frozen by the dispute"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="frozen_entries",
    )
    created_at = models.DateTimeField(_("Recorded at"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("Ledger entry")
        verbose_name_plural = _("Ledger entries")
        indexes = [models.Index(fields=["seller", "created_at"], name="ledger_seller_created")]

    def __str__(self):
        return f"{self.key}: {self.amount} {self.currency}"

    @property
    def is_frozen(self):
        return bool(self.frozen_by_id) and self.frozen_by.settled_at is None

    @property
    def state(self):
        if self.payout_id:
            return _("Paid out") if self.payout.paid_at else _("In a payout")
        if self.is_frozen:
            return _("Frozen: disputed")
        return _("Available") if self.released_at else _("Held")


class PayoutRun(models.Model):
    """One bank transfer batch: a payout per seller, exported as CSV and pain.001, then
    reconciled when staff mark it paid."""

    reference = models.CharField(_("Reference"), max_length=35, unique=True)
    execution_date = models.DateField(_("Requested execution date"))
    total = models.DecimalField(_("Total"), max_digits=14, decimal_places=2)
    currency = models.CharField(_("Currency"), max_length=3, default="MAD")
    created_at = models.DateTimeField(_("Created at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    paid_at = models.DateTimeField(_("Paid at"), null=True, blank=True)
    paid_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("Payout run")
        verbose_name_plural = _("Payout runs")

    def __str__(self):
        return self.reference


class Payout(models.Model):
    """What one seller is paid in a run: its available entries, to its RIB, in MAD."""

    run = models.ForeignKey(PayoutRun, on_delete=models.PROTECT, related_name="payouts")
    seller = models.ForeignKey("partner.Partner", on_delete=models.PROTECT, related_name="payouts")
    reference = models.CharField(_("Reference"), max_length=35, unique=True)
    amount = models.DecimalField(_("Amount"), max_digits=12, decimal_places=2)
    currency = models.CharField(_("Currency"), max_length=3, default="MAD")
    beneficiary = models.CharField(_("Beneficiary"), max_length=140)
    rib = models.CharField(_("RIB"), max_length=24)
    bank_name = models.CharField(_("Bank name"), max_length=100, blank=True)
    paid_at = models.DateTimeField(_("Paid at"), null=True, blank=True)

    class Meta:
        ordering = ["-pk"]
        constraints = [
            models.UniqueConstraint(fields=["run", "seller"], name="one_payout_per_seller_per_run")
        ]
        verbose_name = _("Payout")
        verbose_name_plural = _("Payouts")

    def __str__(self):
        return f"{self.reference}: {self.amount} {self.currency}"
