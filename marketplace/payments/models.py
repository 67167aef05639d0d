"""Side models beside Oscar's basket and order rows: the locked rate, the Stripe payment, stock
reservations of unique pieces, processed webhook events and refunds."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from marketplace.currency.money import BUYER_CURRENCIES, Money


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
