"""Refunds from the dashboard: whole orders or single seller lines, in the charged currency.

A line's refund is its MAD price converted at the rate locked on the order, so a buyer gets
back what was charged for it. Each refunded line sends ``line_refunded`` after commit.
"""

from decimal import Decimal

import stripe
from django.db import transaction
from django.db.models import Sum
from django.utils.translation import gettext as _

from marketplace.currency.money import Money, convert_from_mad
from marketplace.payments.gateway import stripe_client
from marketplace.payments.models import CheckoutPayment, PaymentRefund
from marketplace.payments.signals import line_refunded


class RefundError(Exception):
    pass


def refunded_amount(payment):
    return payment.refunds.aggregate(total=Sum("amount"))["total"] or Decimal(0)


def refund_lines(order, lines, user=None):
    """Refund ``lines`` of ``order`` in one Stripe refund; returns the PaymentRefund rows."""
    with transaction.atomic():
        payment = CheckoutPayment.objects.select_for_update().get(order=order)
        already = set(payment.refunds.filter(line__in=lines).values_list("line_id", flat=True))
        lines = [line for line in lines if line.pk not in already]
        if not lines:
            raise RefundError(_("These lines are already refunded."))
        parts = [(line, line.line_price_incl_tax) for line in lines]
        return _refund(payment, parts, user)


def refund_order(order, user=None):
    """Refund what remains of the order: every unrefunded line, then the shipping with the
    duties and taxes paid at checkout (DDP surcharges), in one row without a line."""
    with transaction.atomic():
        payment = CheckoutPayment.objects.select_for_update().get(order=order)
        refunded_lines = set(payment.refunds.values_list("line_id", flat=True))
        parts = [
            (line, line.line_price_incl_tax)
            for line in order.lines.all()
            if line.pk not in refunded_lines
        ]
        rest = order.shipping_incl_tax + order.surcharge_incl_tax
        if not payment.refunds.filter(line__isnull=True).exists() and rest:
            parts.append((None, rest))
        if not parts:
            raise RefundError(_("This order is already fully refunded."))
        return _refund(payment, parts, user)


def refund_unplaceable(payment, message=None):
    """Return a whole charge whose order can no longer be placed (pieces sold meanwhile,
    or a total that no longer matches the charge); ``message`` tells the buyer why.

    Called with the payment row locked; Stripe's idempotency key makes a retry harmless.
    """
    refund = stripe_client().v1.refunds.create(
        params={"payment_intent": payment.stripe_payment_intent},
        options={"idempotency_key": f"unplaceable-{payment.pk}"},
    )
    PaymentRefund.objects.create(
        payment=payment,
        amount_mad=payment.total_mad,
        amount=payment.amount,
        currency=payment.currency,
        stripe_refund=refund.id,
    )
    payment.status = CheckoutPayment.Status.REFUNDED
    payment.failure_message = message or _(
        "A piece in your basket was sold while your payment was confirmed: "
        "your payment has been refunded in full."
    )
    payment.save(update_fields=["status", "failure_message", "updated_at"])
    return refund


def _refund(payment, parts, user):
    """Call Stripe once for all ``parts`` (``(line or None, amount_mad)``) under the row lock."""
    converted = [
        (line, mad, convert_from_mad(mad, payment.currency, payment.rate)) for line, mad in parts
    ]
    total = sum((money.amount for _line, _mad, money in converted), Decimal(0))
    remaining = payment.amount - refunded_amount(payment)
    if total > remaining:  # rounding of many lines may pass the charge by a minor unit
        total = remaining
    if total <= 0:
        raise RefundError(_("Nothing is left to refund on this payment."))
    try:
        refund = stripe_client().v1.refunds.create(
            params={
                "payment_intent": payment.stripe_payment_intent,
                "amount": Money(total, payment.currency).minor_units,
                "metadata": {"order_number": payment.order_number},
            },
            options={"idempotency_key": _idempotency_key(payment, parts)},
        )
    except stripe.StripeError as error:
        raise RefundError(str(error.user_message or error)) from error
    rows = PaymentRefund.objects.bulk_create(
        PaymentRefund(
            payment=payment,
            line=line,
            amount_mad=mad,
            amount=money.amount,
            currency=payment.currency,
            stripe_refund=refund.id,
            created_by=user if user and user.is_authenticated else None,
        )
        for line, mad, money in converted
    )
    for row in rows:
        if row.line is not None:
            transaction.on_commit(
                lambda row=row: line_refunded.send(
                    sender=PaymentRefund,
                    line=row.line,
                    amount_mad=row.amount_mad,
                    reference=row.stripe_refund,
                )
            )
    return rows


def _idempotency_key(payment, parts):
    ids = ",".join(str(line.pk) if line else "shipping" for line, _mad in parts)
    return f"refund-{payment.pk}-{ids}"
