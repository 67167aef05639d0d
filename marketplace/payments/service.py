"""A checkout's payment: start it (reserve stock, create the PaymentIntent), follow its outcome.

Money and stock change inside transactions with row locks; Stripe is called outside them, with
an idempotency key per checkout payment, so a retried request never charges twice. A basket has
one payment in flight at a time: starting one locks the basket row and refuses while another of
its payments is pending. Locks are taken basket row first, then payment row, then stock records.
Whatever Stripe says is read from its API, never taken from a webhook event's body.
"""

import logging

import stripe
from django.db import transaction
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from marketplace.payments import reservations
from marketplace.payments.gateway import stripe_client
from marketplace.payments.models import CheckoutPayment

logger = logging.getLogger(__name__)
FAILED_STATES = ("requires_payment_method", "canceled")


class PaymentError(Exception):
    """A payment could not start or was refused; the message is for the buyer."""


class PaymentInFlight(PaymentError):
    """The basket already has a payment pending (or paid): ``payment``, whose state the buyer
    is shown instead of a second charge."""

    def __init__(self, payment):
        self.payment = payment
        super().__init__(in_flight_message(payment))


def in_flight_message(payment):
    state = {"state": payment.get_status_display()}
    if payment.status == CheckoutPayment.Status.PENDING:
        message = _(
            "A payment for this basket is already in progress (%(state)s): you have not "
            "been charged again. Please wait for its confirmation."
        )
    else:
        message = _(
            "This basket has already been paid (%(state)s): you have not been charged again."
        )
    return message % state


def lock_basket(basket_id):
    """The basket row, locked until the end of the transaction: one payment step at a time."""
    return get_model("basket", "Basket").objects.select_for_update().get(pk=basket_id)


def start_payment(basket, **fields):
    """Record the attempt, reserve the basket's stock, freeze the basket, create the intent.

    Raises PaymentInFlight (another payment of the basket is pending or paid), PieceUnavailable
    (nothing reserved, no intent, no charge) or PaymentError.
    """
    with transaction.atomic():
        locked = lock_basket(basket.pk)
        existing = (
            locked.checkout_payments.filter(
                status__in=[CheckoutPayment.Status.PENDING, CheckoutPayment.Status.SUCCEEDED]
            )
            .order_by("-pk")
            .first()
        )
        if existing is not None:
            raise PaymentInFlight(existing)
        if locked.status != locked.OPEN:
            raise PaymentError(_("This basket can no longer be paid: please reload the page."))
        payment = CheckoutPayment.objects.create(basket=locked, **fields)
        reservations.reserve_basket(payment, basket)
        locked.freeze()
        basket.status = locked.status
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
    basket_id = CheckoutPayment.objects.values_list("basket_id", flat=True).get(pk=payment_id)
    with transaction.atomic():
        basket = lock_basket(basket_id)
        payment = CheckoutPayment.objects.select_for_update().get(pk=payment_id)
        if payment.status != CheckoutPayment.Status.PENDING:
            return payment
        payment.status = status
        payment.failure_message = message[:500]
        payment.save(update_fields=["status", "failure_message", "updated_at"])
        reservations.release(payment)
        thaw_unless_paying(basket)
    return payment


def thaw_unless_paying(basket):
    """Give a frozen basket back to its buyer, unless another of its payments is pending."""
    pending = basket.checkout_payments.filter(status=CheckoutPayment.Status.PENDING)
    if basket.status == basket.FROZEN and not pending.exists():
        basket.thaw()


def fetch_intent(payment):
    return stripe_client().v1.payment_intents.retrieve(payment.stripe_payment_intent)


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
