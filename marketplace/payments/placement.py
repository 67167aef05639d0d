"""Placing the order of a paid checkout exactly once.

The buyer's return from Stripe and the ``payment_intent.succeeded`` webhook race; both call
``place_order_once``, which locks the payment row: the first places the order, the second finds
it. Everything needed comes from the payment row, never from a session.
"""

from django.db import transaction
from oscar.core.loading import get_class, get_model

from marketplace.payments import reservations
from marketplace.payments.models import CheckoutPayment
from marketplace.payments.refunds import refund_unplaceable

OrderCreator = get_class("order.utils", "OrderCreator")
Repository = get_class("shipping.repository", "Repository")
Selector = get_class("partner.strategy", "Selector")
ShippingAddress = get_model("order", "ShippingAddress")
OrderTotalCalculator = get_class("checkout.calculators", "OrderTotalCalculator")


def shipping_method_for(basket, code, address):
    """The method the buyer chose, as the repository offers it for their address."""
    for method in Repository().get_shipping_methods(basket, shipping_addr=address):
        if method.code == code:
            return method
    raise LookupError(code)


def _still_placeable(payment, basket, total):
    """A payment Stripe reports paid after we gave up on it (failed, timed out): its pieces
    were released, and its basket may have changed. Place it only if nothing moved."""
    if basket.status == basket.SUBMITTED or total.incl_tax != payment.total_mad:
        return False
    try:
        reservations.reserve_basket(payment, basket)
    except reservations.PieceUnavailable:
        return False
    return True


def place_order_once(payment_id):
    """Return the payment's order, placing it if nobody has yet."""
    from marketplace.payments.tasks import send_order_emails

    with transaction.atomic():
        payment = CheckoutPayment.objects.select_for_update().get(pk=payment_id)
        if payment.order_id:
            return payment.order
        if payment.status == CheckoutPayment.Status.REFUNDED:
            return None
        basket = get_model("basket", "Basket").objects.get(pk=payment.basket_id)
        basket.strategy = Selector().strategy(user=payment.user)
        address = ShippingAddress(**payment.shipping_address)
        method = shipping_method_for(basket, payment.shipping_method_code, address)
        shipping_charge = method.calculate(basket)
        total = OrderTotalCalculator().calculate(basket, shipping_charge)
        if payment.status != CheckoutPayment.Status.PENDING and not _still_placeable(
            payment, basket, total
        ):
            refund_unplaceable(payment)
            return None
        address.save()
        order = OrderCreator().place_order(
            basket=basket,
            total=total,
            shipping_method=method,
            shipping_charge=shipping_charge,
            user=payment.user,
            shipping_address=address,
            order_number=payment.order_number,
            guest_email=payment.email if payment.user is None else "",
        )
        reservations.consume(payment)
        payment.order = order
        payment.status = CheckoutPayment.Status.SUCCEEDED
        payment.save(update_fields=["order", "status", "updated_at"])
        basket.submit()
        order_id, language = order.pk, payment.language
        transaction.on_commit(lambda: send_order_emails.delay(order_id, language))
    return order
