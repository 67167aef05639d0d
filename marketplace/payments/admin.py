"""Payments change through checkout, webhooks, refunds and the sellers' dispute evidence
only, never by hand."""

from django.contrib import admin

from marketplace.core.read_only_admin import ReadOnlyAdmin
from marketplace.payments.models import (
    CheckoutPayment,
    Dispute,
    DisputeEvidence,
    PaymentRefund,
    StockReservation,
)


@admin.register(CheckoutPayment)
class CheckoutPaymentAdmin(ReadOnlyAdmin):
    list_display = ("order_number", "status", "amount", "currency", "total_mad", "created_at")
    list_filter = ("status", "currency")
    search_fields = ("order_number", "email", "stripe_payment_intent")


@admin.register(StockReservation)
class StockReservationAdmin(ReadOnlyAdmin):
    list_display = ("stockrecord", "quantity", "state", "expires_at")
    list_filter = ("state",)


@admin.register(PaymentRefund)
class PaymentRefundAdmin(ReadOnlyAdmin):
    list_display = ("stripe_refund", "payment", "line", "amount", "currency", "amount_mad")


@admin.register(Dispute)
class DisputeAdmin(ReadOnlyAdmin):
    list_display = ("stripe_id", "order", "status", "amount", "currency", "evidence_due_by")
    list_filter = ("status", "reason")
    search_fields = ("stripe_id", "order__number")


@admin.register(DisputeEvidence)
class DisputeEvidenceAdmin(ReadOnlyAdmin):
    list_display = ("dispute", "seller", "tracking_number", "submitted_at")
