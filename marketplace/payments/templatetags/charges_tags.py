"""``{% parcel_charges parcel as charges %}``: a parcel's duties and taxes by when they are paid
(a checkout parcel from its landed cost, a placed one from the order); ``{% placed_order order
as placed %}``: a placed order's confirmation, its charges by moment and the rate it was charged
at (``placed.money_display``, for ``buyer_money`` on its pages)."""

from django import template

from marketplace.currency.display import for_payment
from marketplace.payments.charges import parcel_from_landed, parcel_from_order, placed_charges
from marketplace.payments.confirmation import order_confirmation

register = template.Library()


@register.simple_tag
def parcel_charges(parcel):
    if hasattr(parcel, "landed"):
        return parcel_from_landed(parcel.landed)
    return parcel_from_order(parcel)


@register.simple_tag
def placed_order(order):
    """The order's confirmation (parcels, payment) and its charges by moment."""
    confirmation = order_confirmation(order)
    return {
        "confirmation": confirmation,
        "charges": placed_charges(confirmation),
        "money_display": for_payment(confirmation.payment),
    }
