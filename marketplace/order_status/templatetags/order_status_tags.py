"""An order status in the reader's language, and the moves staff may choose."""

from django import template

from marketplace.order_status.pipeline import STAFF_MOVES, label

register = template.Library()


@register.filter
def order_status(code):
    return label(code)


@register.filter
def staff_moves(order):
    """The statuses staff may give ``order`` by hand (the others follow from events)."""
    return [
        move for move in STAFF_MOVES.get(order.status, ()) if move in order.available_statuses()
    ]
