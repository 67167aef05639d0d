"""A checkout's payment: start it (reserve stock, create the PaymentIntent), follow its outcome.

Money and stock change inside transactions with row locks; Stripe is called outside them, with
an idempotency key per checkout payment, so a retried request never charges twice.
"""

import logging

import stripe
from django.db import transaction
from django.utils.translation import gettext as _

from marketplace.payments import reservations
from marketplace.payments.gateway import stripe_client
from marketplace.payments.models import CheckoutPayment

logger = logging.getLogger(__name__)


class PaymentError(Exception):
    """A payment could not start or was refused; the message is for the buyer."""


def start_payment(basket, **fields):
    """Record the attempt, reserve the basket's stock, freeze the basket, create the intent.

    Raises PieceUnavailable (nothing reserved, no intent, no charge) or PaymentError.
    """
    with transaction.atomic():
        payment = CheckoutPayment.objects.create(basket=basket, **fields)
        reservations.reserve_basket(payment, basket)
        basket.freeze()
    try:
        intent = stripe_client().v1.payment_intents.create(
            params={
                "amount": payment.charged.minor_units,
                "currency": payment.currency.lower(),
                "metadata": {
                    "checkout_payment": str(payment.pk),
                    "order_number": payment.order_number,
                },
            },
            options={"idempotency_key": f"checkout-payment-{payment.pk}"},
        )
    except stripe.StripeError as error:
        logger.exception("PaymentIntent creation failed for payment %s", payment.pk)
        fail_payment(payment.pk, str(error.user_message or ""))
        raise PaymentError(_("The payment service is unavailable; nothing was charged.")) from error
    CheckoutPayment.objects.filter(pk=payment.pk).update(stripe_payment_intent=intent.id)
    payment.stripe_payment_intent = intent.id
    return payment, intent


def confirm_with_card(payment, payment_method):
    """Server-side confirmation with a card tokenised by Stripe.js (the Card Element path).

    Returns the intent; a declined card fails the payment and raises PaymentError.
    """
    client = stripe_client()
    try:
        client.v1.payment_intents.update(
            payment.stripe_payment_intent, params={"payment_method": payment_method}
        )
        return client.v1.payment_intents.confirm(payment.stripe_payment_intent)
    except stripe.CardError as error:
        message = error.user_message or _("Your card was declined.")
        fail_payment(payment.pk, message)
        raise PaymentError(message) from error
    except stripe.StripeError as error:
        logger.exception("Confirming payment %s failed", payment.pk)
        fail_payment(payment.pk, "")
        raise PaymentError(_("The payment service is unavailable; nothing was charged.")) from error


def fail_payment(payment_id, message="", status=CheckoutPayment.Status.FAILED):
    """Mark a pending payment failed, release its stock and thaw its basket (idempotent)."""
    with transaction.atomic():
        payment = CheckoutPayment.objects.select_for_update().get(pk=payment_id)
        if payment.status != CheckoutPayment.Status.PENDING:
            return payment
        payment.status = status
        payment.failure_message = message[:500]
        payment.save(update_fields=["status", "failure_message", "updated_at"])
        reservations.release(payment)
        basket = payment.basket
        if basket.status == basket.FROZEN:
            basket.thaw()
    return payment


def fetch_intent(payment):
    return stripe_client().v1.payment_intents.retrieve(payment.stripe_payment_intent)


def settle(payment, intent):
    """Act on an intent's state: place the order once, or fail the payment. Returns the order."""
    from marketplace.payments.placement import place_order_once

    if intent.status == "succeeded":
        return place_order_once(payment.pk)
    if intent.status in ("requires_payment_method", "canceled"):
        fail_payment(payment.pk, failure_message(intent))
    return None


def failure_message(intent):
    error = intent.to_dict().get("last_payment_error") or {}
    return error.get("message") or ""


def cancel_intent(payment):
    """Cancel a pending intent at Stripe so it can no longer be paid (timeouts).

    True once the intent is canceled, also when an earlier run canceled it and died before
    releasing the stock (Stripe refuses to cancel twice).
    """
    try:
        stripe_client().v1.payment_intents.cancel(payment.stripe_payment_intent)
    except stripe.StripeError:
        if _intent_status(payment) == "canceled":
            return True
        logger.warning("Could not cancel intent of payment %s", payment.pk, exc_info=True)
        return False
    return True


def _intent_status(payment):
    try:
        return fetch_intent(payment).status
    except stripe.StripeError:
        return None


def place_order_once_for(payment):
    from marketplace.payments.placement import place_order_once

    return place_order_once(payment.pk)
