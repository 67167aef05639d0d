"""Each event that changes an order's status, applied through the one rule (``rules``)."""

from marketplace.order_status.rules import update_status


def payment_went_through(sender, order, **kwargs):
    update_status(order, paid=True)


def parcel_moved(sender, parcel, **kwargs):
    update_status(parcel.order)


def money_returned(sender, order, **kwargs):
    update_status(order)


def dispute_settled(sender, dispute, **kwargs):
    if dispute.order_id is not None:
        update_status(dispute.order)
