"""Each seller of a newly placed order gets its own fulfilment, status "paid"."""

from sellers.fulfilment.services import open_fulfilments_for_order


def open_fulfilments(sender, order, **kwargs):
    open_fulfilments_for_order(order)
