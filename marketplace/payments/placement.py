"""Placing the order of a paid checkout exactly once.

The buyer's return from Stripe and the ``payment_intent.succeeded`` webhook race; both call
``place_order_once``, which locks the payment row: the first places the order, the second finds
it. Everything needed comes from the payment row, never from a session.

The order is placed only at the amount Stripe charged: the total is recomputed from the frozen
basket and shipping selection, and if it differs from the payment's ``total_mad`` (a price or
rate table edited between payment and placement) no order is placed, the charge is refunded in
full, the pieces and the basket go back to the buyer with a message, and an error is logged.
The same goes for a charge Stripe made at another amount or currency than the checkout froze,
and for a second charge of a basket whose order is already placed (two tabs, a double click,
a late success): it is refunded in full, never placed twice.
"""

import logging

from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from oscar.core.loading import get_class, get_model

from marketplace.payments import reservations
from marketplace.payments.emails import send_order_emails
from marketplace.payments.models import CheckoutPayment
from marketplace.payments.pricing import price_order
from marketplace.payments.refunds import refund_unplaceable
from marketplace.payments.service import lock_basket, thaw_unless_paying
from marketplace.payments.signals import order_paid
from sellers.fulfilment.parcels import create_parcels
from shipping.selection import ShippingSelection

Order = get_model("order", "Order")
OrderCreator = get_class("order.utils", "OrderCreator")
Repository = get_class("shipping.repository", "Repository")
Selector = get_class("partner.strategy", "Selector")
ShippingAddress = get_model("order", "ShippingAddress")
logger = logging.getLogger(__name__)


def shipping_method_for(basket, code, address, selection=None):
    """The method the buyer chose, as the repository offers it for their address."""
    methods = Repository().get_shipping_methods(basket, shipping_addr=address, selection=selection)
    for method in methods:
        if method.code == code:
            return method
    raise LookupError(code)


def create_order_parcels(order, selection, summary):
    """The order's parcels with the services and incoterm the buyer paid for (idempotent)."""
    if selection is None or summary is None:
        return create_parcels(order)
    chosen = {p.plan.partner.pk: p.quote.service.code for p in summary.parcels if p.quote}
    return create_parcels(order, chosen, selection.incoterm, on=selection.on, rates=selection.rates)


def _still_placeable(payment, basket, total):
    """A payment Stripe reports paid after we gave up on it (failed, timed out): its pieces
    were released, and its basket may have changed. Place it only if nothing moved."""
    if total.incl_tax != payment.total_mad:
        return False
    try:
        reservations.reserve_basket(payment, basket)
    except reservations.PieceUnavailable:
        return False
    return True


def _refuse_changed_total(payment, basket, total):
    """The order would no longer cost what Stripe charged (a price or rate table edited
    between payment and placement): place nothing, refund the charge in full, give the
    pieces and the basket back to the buyer, and log it for the team."""
    logger.error(
        "Order %s not placed: its total is now %s MAD but %s MAD (%s %s) was charged; "
        "payment %s refunded in full",
        payment.order_number,
        total.incl_tax if total is not None else "unavailable (shipping method withdrawn)",
        payment.total_mad,
        payment.amount,
        payment.currency,
        payment.pk,
    )
    with translation.override(payment.language or None):
        message = _(
            "The price of your order changed while your payment was confirmed: your payment "
            "has been refunded in full. Please check your basket and pay again."
        )
    refund_unplaceable(payment, message)
    reservations.release(payment)
    thaw_unless_paying(basket)


def _refund_second_charge(payment):
    """Another payment of this basket placed its order: this charge has none, refund it."""
    logger.warning(
        "Payment %s charged %s %s for basket %s, already ordered as %s: refunded in full",
        payment.pk,
        payment.amount,
        payment.currency,
        payment.basket_id,
        payment.order_number,
    )
    with translation.override(payment.language or None):
        message = _(
            "This basket was already paid and its order placed: this second payment has been "
            "refunded in full."
        )
    refund_unplaceable(payment, message)
    reservations.release(payment)


def refuse_mismatched_charge(payment_id, intent):
    """Stripe charged another amount or currency than the checkout froze: place nothing,
    refund the charge in full, give the pieces and the basket back, and log it."""
    basket_id = CheckoutPayment.objects.values_list("basket_id", flat=True).get(pk=payment_id)
    with transaction.atomic():
        basket = lock_basket(basket_id)
        payment = CheckoutPayment.objects.select_for_update().get(pk=payment_id)
        if payment.order_id or payment.status == CheckoutPayment.Status.REFUNDED:
            return
        logger.error(
            "Payment %s froze %s %s but its intent %s is for %s %s (minor units): "
            "no order placed, refunded in full",
            payment.pk,
            payment.amount,
            payment.currency,
            intent.id,
            intent.amount,
            intent.currency,
        )
        with translation.override(payment.language or None):
            message = _(
                "Your payment did not match the amount of your order: it has been refunded in "
                "full. Please check your basket and pay again."
            )
        refund_unplaceable(payment, message)
        reservations.release(payment)
        thaw_unless_paying(basket)


def place_order_once(payment_id):
    """Return the payment's order, placing it if nobody has yet."""
    basket_id, language = CheckoutPayment.objects.values_list("basket_id", "language").get(
        pk=payment_id
    )
    # In the buyer's language, also when the webhook places the order: the charge labels the
    # order keeps (its surcharges: "VAT 20%", customs duty) are made here.
    with transaction.atomic(), translation.override(language or None):
        basket = lock_basket(basket_id)
        payment = CheckoutPayment.objects.select_for_update().get(pk=payment_id)
        if payment.order_id:
            return payment.order
        if payment.status == CheckoutPayment.Status.REFUNDED:
            return None
        ordered = Order.objects.filter(number=payment.order_number).exists()
        if ordered or basket.status == basket.SUBMITTED:
            _refund_second_charge(payment)
            return None
        basket.strategy = Selector().strategy(user=payment.user)
        address = ShippingAddress(**payment.shipping_address)
        saved = payment.shipping_selection
        selection = ShippingSelection.from_json(saved) if saved else None
        try:
            method = shipping_method_for(basket, payment.shipping_method_code, address, selection)
        except LookupError:
            method = None
        if method is None:
            _refuse_changed_total(payment, basket, None)
            return None
        priced = price_order(basket, method)
        total = priced.total
        if total.incl_tax != payment.total_mad:
            _refuse_changed_total(payment, basket, total)
            return None
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
            shipping_charge=priced.shipping_charge,
            surcharges=priced.surcharges,
            user=payment.user,
            shipping_address=address,
            order_number=payment.order_number,
            guest_email=payment.email if payment.user is None else "",
        )
        create_order_parcels(order, selection, getattr(priced.shipping_charge, "summary", None))
        reservations.consume(payment)
        payment.order = order
        payment.status = CheckoutPayment.Status.SUCCEEDED
        payment.save(update_fields=["order", "status", "updated_at"])
        order_paid.send(sender=CheckoutPayment, order=order)
        basket.submit()
        order_id, language = order.pk, payment.language
        transaction.on_commit(lambda: send_order_emails.delay(order_id, language))
    return order
