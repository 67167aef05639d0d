"""Side models beside Oscar's basket and order rows: the locked rate, the Stripe payment, stock
reservations of unique pieces, processed webhook events and refunds."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from marketplace.core.uploads import DISPUTE_EVIDENCE, CheckedFileField
from marketplace.currency.money import BUYER_CURRENCIES, Money
from sellers.documents import get_private_storage


class BasketRate(models.Model):
    """The exchange rate a basket is priced at from its checkout preview until payment."""

    basket = models.OneToOneField(
        "basket.Basket", on_delete=models.CASCADE, related_name="locked_rate"
    )
    currency = models.CharField(_("Currency"), max_length=3)
    rate = models.DecimalField(_("Rate per MAD"), max_digits=18, decimal_places=8)
    rate_date = models.DateField(_("Rate date"), null=True)
    locked_at = models.DateTimeField(_("Locked at"))

    def __str__(self):
        return f"{self.basket_id}: {self.rate} {self.currency}"


class CheckoutPayment(models.Model):
    """One checkout attempt: a Stripe PaymentIntent for a frozen basket, and what to place.

    Holds everything needed to place the order without the buyer's session, so the webhook
    and the buyer's return can each place it; ``order`` is set once, under a row lock.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting payment")
        SUCCEEDED = "succeeded", _("Paid")
        FAILED = "failed", _("Failed")
        CANCELED = "canceled", _("Canceled")
        REFUNDED = "refunded", _("Refunded: could not be fulfilled")

    basket = models.ForeignKey(
        "basket.Basket", on_delete=models.PROTECT, related_name="checkout_payments"
    )
    order = models.OneToOneField(
        "order.Order",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="checkout_payment",
    )
    order_number = models.CharField(_("Order number"), max_length=128)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    email = models.EmailField(_("Email"))
    language = models.CharField(_("Language"), max_length=10)
    shipping_address = models.JSONField(_("Shipping address"))
    shipping_method_code = models.CharField(_("Shipping method"), max_length=128)
    shipping_selection = models.JSONField(
        _("Shipping choices"),
        default=dict,
        blank=True,
        help_text=_("Service per parcel, DDP or DAP, and the rates and day duties were priced on."),
    )
    shipping_mad = models.DecimalField(_("Shipping (MAD)"), max_digits=12, decimal_places=2)
    total_mad = models.DecimalField(_("Total (MAD)"), max_digits=12, decimal_places=2)
    currency = models.CharField(
        _("Charged currency"), max_length=3, choices=[(c, c) for c in BUYER_CURRENCIES]
    )
    rate = models.DecimalField(_("Rate per MAD"), max_digits=18, decimal_places=8)
    rate_date = models.DateField(_("Rate date"), null=True)
    amount = models.DecimalField(_("Charged amount"), max_digits=12, decimal_places=2)
    stripe_payment_intent = models.CharField(max_length=255, unique=True, null=True)
    status = models.CharField(
        _("Status"), max_length=20, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    failure_message = models.CharField(_("Failure"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("Created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("Updated at"), auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("Checkout payment")
        verbose_name_plural = _("Checkout payments")

    def __str__(self):
        return f"{self.order_number} {self.amount} {self.currency} ({self.status})"

    @property
    def charged(self):
        return Money(self.amount, self.currency)


class StockReservation(models.Model):
    """Units of a stock record held for a payment in progress, until ``expires_at``."""

    class State(models.TextChoices):
        ACTIVE = "active", _("Reserved")
        CONSUMED = "consumed", _("Sold")
        RELEASED = "released", _("Released")

    payment = models.ForeignKey(
        CheckoutPayment, on_delete=models.CASCADE, related_name="reservations"
    )
    stockrecord = models.ForeignKey(
        "partner.StockRecord", on_delete=models.CASCADE, related_name="reservations"
    )
    quantity = models.PositiveIntegerField(_("Quantity"))
    state = models.CharField(
        _("State"), max_length=10, choices=State.choices, default=State.ACTIVE, db_index=True
    )
    expires_at = models.DateTimeField(_("Expires at"), db_index=True)
    created_at = models.DateTimeField(_("Created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("Stock reservation")
        verbose_name_plural = _("Stock reservations")

    def __str__(self):
        return f"{self.quantity} x {self.stockrecord_id} ({self.state})"


class StripeEvent(models.Model):
    """A webhook event already handled: the same event delivered twice is handled once."""

    event_id = models.CharField(max_length=255, unique=True)
    type = models.CharField(max_length=100)
    received_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return self.event_id


class PaymentRefund(models.Model):
    """Money returned to a buyer: one row per refunded order line, or for shipping."""

    payment = models.ForeignKey(CheckoutPayment, on_delete=models.PROTECT, related_name="refunds")
    line = models.ForeignKey(
        "order.Line", on_delete=models.PROTECT, null=True, blank=True, related_name="refunds"
    )
    amount_mad = models.DecimalField(_("Amount (MAD)"), max_digits=12, decimal_places=2)
    amount = models.DecimalField(_("Refunded amount"), max_digits=12, decimal_places=2)
    currency = models.CharField(_("Currency"), max_length=3)
    stripe_refund = models.CharField(max_length=255)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["line"], condition=models.Q(line__isnull=False), name="one_refund_per_line"
            )
        ]

    def __str__(self):
        return f"{self.stripe_refund}: {self.amount} {self.currency}"


class Dispute(models.Model):
    """A buyer's bank disputing a charge, as Stripe reports it (``charge.dispute.*`` events).

    One row per Stripe dispute; each event makes it read the dispute again from Stripe, so
    events delivered twice or out of order leave the row as Stripe has it. ``settled_at`` is set
    once, when the outcome is applied to the payout ledger.
    """

    class Status(models.TextChoices):
        WARNING_NEEDS_RESPONSE = "warning_needs_response", _("Inquiry: needs a response")
        WARNING_UNDER_REVIEW = "warning_under_review", _("Inquiry: under review")
        WARNING_CLOSED = "warning_closed", _("Inquiry closed")
        NEEDS_RESPONSE = "needs_response", _("Needs a response")
        UNDER_REVIEW = "under_review", _("Under review")
        WON = "won", _("Won")
        LOST = "lost", _("Lost")

    OPEN = (
        Status.WARNING_NEEDS_RESPONSE,
        Status.WARNING_UNDER_REVIEW,
        Status.NEEDS_RESPONSE,
        Status.UNDER_REVIEW,
    )
    AWAITING_EVIDENCE = (Status.WARNING_NEEDS_RESPONSE, Status.NEEDS_RESPONSE)
    CLOSED = (Status.WARNING_CLOSED, Status.WON, Status.LOST)

    stripe_id = models.CharField(max_length=255, unique=True)
    payment = models.ForeignKey(CheckoutPayment, on_delete=models.PROTECT, related_name="disputes")
    order = models.ForeignKey(
        "order.Order",
        verbose_name=_("Order"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="disputes",
    )
    amount = models.DecimalField(_("Disputed amount"), max_digits=12, decimal_places=2)
    currency = models.CharField(_("Currency"), max_length=3)
    amount_mad = models.DecimalField(_("Disputed amount (MAD)"), max_digits=12, decimal_places=2)
    reason = models.CharField(_("Reason"), max_length=50, blank=True)
    status = models.CharField(_("Status"), max_length=30, choices=Status.choices, db_index=True)
    evidence_due_by = models.DateTimeField(_("Evidence due by"), null=True, blank=True)
    evidence_submitted_at = models.DateTimeField(
        _("Evidence sent to Stripe"), null=True, blank=True
    )
    funds_withdrawn_at = models.DateTimeField(_("Funds withdrawn at"), null=True, blank=True)
    funds_reinstated_at = models.DateTimeField(_("Funds reinstated at"), null=True, blank=True)
    settled_at = models.DateTimeField(_("Settled in the ledger at"), null=True, blank=True)
    created_at = models.DateTimeField(_("Opened at"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("Updated at"), auto_now=True)

    class Meta:
        ordering = ["evidence_due_by", "-pk"]
        verbose_name = _("Dispute")
        verbose_name_plural = _("Disputes")

    def __str__(self):
        return f"{self.stripe_id}: {self.amount} {self.currency} ({self.status})"

    @property
    def is_open(self):
        return self.status in self.OPEN

    @property
    def awaits_evidence(self):
        return self.status in self.AWAITING_EVIDENCE


class DisputeEvidence(models.Model):
    """What one seller of a disputed order sent as evidence, once (sent to Stripe with the
    other sellers' evidence)."""

    dispute = models.ForeignKey(Dispute, on_delete=models.CASCADE, related_name="evidence")
    seller = models.ForeignKey(
        "partner.Partner", on_delete=models.PROTECT, related_name="dispute_evidence"
    )
    tracking_number = models.CharField(_("Tracking number"), max_length=64, blank=True)
    carrier = models.CharField(_("Carrier"), max_length=100, blank=True)
    shipping_date = models.DateField(_("Shipping date"), null=True, blank=True)
    explanation = models.TextField(_("Explanation"))
    stripe_files = models.JSONField(_("Files sent to Stripe"), default=dict, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    submitted_at = models.DateTimeField(_("Submitted at"), auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["dispute", "seller"], name="one_evidence_per_seller")
        ]
        verbose_name = _("Dispute evidence")
        verbose_name_plural = _("Dispute evidence")

    def __str__(self):
        return f"{self.dispute_id} / {self.seller_id}"


class DisputeEvidenceFile(models.Model):
    """One file of a seller's evidence, kept (private storage) with the Stripe evidence field
    it answers: Stripe takes one file per field, so the files of several sellers for one field
    are merged into one PDF (``marketplace.payments.disputes.merged_files``)."""

    evidence = models.ForeignKey(DisputeEvidence, on_delete=models.CASCADE, related_name="files")
    field = models.CharField(_("Evidence field"), max_length=40)
    file = CheckedFileField(
        _("File"),
        upload_to="disputes/%Y/",
        storage=get_private_storage,
        validator=DISPUTE_EVIDENCE,
    )
    stripe_file = models.CharField(_("Stripe file"), max_length=100, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("Dispute evidence file")
        verbose_name_plural = _("Dispute evidence files")

    def __str__(self):
        return f"{self.evidence_id}: {self.field}"
