"""The order statuses, their labels and the moves between them (Oscar's
``OSCAR_ORDER_STATUS_PIPELINE``, read by the settings: no model import here).

Stored values are codes; pages show ``label(code)`` in the reader's language.
"""

from django.utils.translation import pgettext_lazy

PENDING_PAYMENT = "pending_payment"
PAID = "paid"
IN_FULFILMENT = "in_fulfilment"
SHIPPED = "shipped"
DELIVERED = "delivered"
COMPLETED = "completed"
PARTIALLY_REFUNDED = "partially_refunded"
REFUNDED = "refunded"
CANCELLED = "cancelled"

INITIAL = PENDING_PAYMENT

LABELS = {
    PENDING_PAYMENT: pgettext_lazy("order status", "Pending payment"),
    PAID: pgettext_lazy("order status", "Paid"),
    IN_FULFILMENT: pgettext_lazy("order status", "In fulfilment"),
    SHIPPED: pgettext_lazy("order status", "Shipped"),
    DELIVERED: pgettext_lazy("order status", "Delivered"),
    COMPLETED: pgettext_lazy("order status", "Completed"),
    PARTIALLY_REFUNDED: pgettext_lazy("order status", "Partially refunded"),
    REFUNDED: pgettext_lazy("order status", "Refunded"),
    CANCELLED: pgettext_lazy("order status", "Cancelled"),
}

# The fulfilment stages in order. An order may move to any later stage (two parcels may both
# move before the order is looked at again; staff mark a delivered order completed), be refunded
# in part or in full, or be cancelled while nothing has left a workshop.
STAGES = (PENDING_PAYMENT, PAID, IN_FULFILMENT, SHIPPED, DELIVERED, COMPLETED)
CANCELLABLE = (PENDING_PAYMENT, PAID, IN_FULFILMENT)
REFUNDABLE = (PAID, IN_FULFILMENT, SHIPPED, DELIVERED, COMPLETED)


def _moves(status):
    later = STAGES[STAGES.index(status) + 1 : -1] if status in STAGES[:-1] else ()
    if status == PENDING_PAYMENT:
        later = (PAID,)
    if status == DELIVERED:
        later = (COMPLETED,)
    refunds = (PARTIALLY_REFUNDED, REFUNDED) if status in REFUNDABLE else ()
    if status == PARTIALLY_REFUNDED:
        refunds = (REFUNDED, CANCELLED)
    cancel = (CANCELLED,) if status in CANCELLABLE else ()
    return tuple(later) + refunds + cancel


PIPELINE = {status: _moves(status) for status in LABELS}

# What staff may choose on the dashboard: every other move follows from an event.
STAFF_MOVES = {DELIVERED: (COMPLETED,), PENDING_PAYMENT: (CANCELLED,)}


def label(status):
    """A status code in the reader's language ("" for an order without one)."""
    return LABELS.get(status, status or "")
