"""The one rule for an order's status: what happened decides it.

- placed after its payment succeeded: paid (Oscar creates it "pending payment");
- a parcel in preparation or on its way: in fulfilment; every parcel shipped: shipped; every
  parcel delivered: delivered; staff then mark it completed;
- some money returned: partially refunded; every line returned: refunded, or cancelled when
  no parcel had left its workshop yet. A dispute lost returned the disputed money to the buyer
  through its bank: it counts as a refund, of every line when it took the whole charge.

``status_from_facts`` is the rule on plain values (the data migration uses it too);
``update_status`` reads the facts of one order, with its row locked, and moves it through
Oscar's pipeline (``Order.set_status``: an ``OrderStatusChange`` row and Oscar's
``order_status_changed`` signal).
"""

from django.db import transaction
from oscar.core.loading import get_model

from marketplace.order_status.pipeline import (
    CANCELLED,
    COMPLETED,
    DELIVERED,
    IN_FULFILMENT,
    PAID,
    PARTIALLY_REFUNDED,
    PENDING_PAYMENT,
    PIPELINE,
    REFUNDED,
    SHIPPED,
)
from marketplace.payments.models import Dispute, PaymentRefund
from sellers.fulfilment.models import Parcel

ParcelStatus = Parcel.Status
LEFT_WORKSHOP = {ParcelStatus.SHIPPED, ParcelStatus.DELIVERED}


def fulfilment_stage(parcel_statuses):
    """Where the parcels are: paid, in fulfilment, shipped (all) or delivered (all)."""
    statuses = set(parcel_statuses)
    if not statuses or statuses == {ParcelStatus.PAID}:
        return PAID
    if statuses == {ParcelStatus.DELIVERED}:
        return DELIVERED
    if statuses <= LEFT_WORKSHOP:
        return SHIPPED
    return IN_FULFILMENT


def status_from_facts(current, paid, parcel_statuses, lines, refunded_lines, refunds):
    """The status an order has: ``current`` status, whether its payment went through,
    its parcels' statuses, its number of lines, of refunded lines, and of refund rows."""
    if current in (CANCELLED, REFUNDED) or (current == PENDING_PAYMENT and not paid):
        return current
    if lines and refunded_lines >= lines:
        return REFUNDED if LEFT_WORKSHOP & set(parcel_statuses) else CANCELLED
    if refunds:
        return PARTIALLY_REFUNDED
    stage = fulfilment_stage(parcel_statuses)
    if current == COMPLETED and stage == DELIVERED:
        return COMPLETED
    return stage


def facts(order):
    refunds = PaymentRefund.objects.filter(payment__order=order)
    lost = list(
        Dispute.objects.filter(order=order, status=Dispute.Status.LOST).values_list(
            "amount_mad", "payment__total_mad"
        )
    )
    lines = order.lines.count()
    refunded_lines = refunds.filter(line__isnull=False).count()
    if any(amount >= total for amount, total in lost):
        refunded_lines = lines
    return {
        "parcel_statuses": list(order.parcels.values_list("status", flat=True)),
        "lines": lines,
        "refunded_lines": refunded_lines,
        "refunds": refunds.count() + len(lost),
    }


@transaction.atomic
def update_status(order, paid=False):
    """Give ``order`` the status its payment, parcels and refunds say; returns the status.

    ``paid``: the payment has just gone through (an order is placed only then). The order row
    is locked first, so two parcels moving at once both see each other's status.
    """
    Order = get_model("order", "Order")
    locked = Order.objects.select_for_update().get(pk=order.pk)
    current = locked.status
    paid = paid or current != PENDING_PAYMENT
    status = status_from_facts(current, paid, **facts(locked))
    if status != current:
        if current in PIPELINE:
            locked.set_status(status)
        else:  # an order from before the pipeline: no move to check
            locked.status = status
            locked.save(update_fields=["status"])
    order.status = status
    return status
