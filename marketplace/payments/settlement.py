"""Settling a payment from what Stripe says of its intent: the order placed once, a charge that
cannot have one refunded, a failure recorded. The buyer's return, the webhook and the
reconciliation task all come through here."""

import logging

import stripe

from marketplace.payments import service
from marketplace.payments.placement import place_order_once, refuse_mismatched_charge

logger = logging.getLogger(__name__)


def charged_as_frozen(payment, intent):
    """Stripe's intent is for what the checkout froze: the same amount in the same currency."""
    data = intent.to_dict()
    amounts = {int(data["amount"]), int(data.get("amount_received") or data["amount"])}
    same_currency = str(data["currency"]).upper() == payment.currency
    return same_currency and amounts == {payment.charged.minor_units}


def settle(payment, intent):
    """Act on an intent's state as read from Stripe: place the order once (or refund a charge
    that cannot have one), or fail the payment. Returns the order."""
    if intent.status == "succeeded":
        if not charged_as_frozen(payment, intent):
            refuse_mismatched_charge(payment.pk, intent)
            return None
        return place_order_once(payment.pk)
    if intent.status in service.FAILED_STATES:
        service.fail_payment(payment.pk, service.failure_message(intent))
    return None


def reconcile(payment):
    """Settle ``payment`` if Stripe reports its intent succeeded, else leave it alone (its
    buyer may still be paying). Returns what happened, for the reconciliation's tally."""
    try:
        intent = service.fetch_intent(payment)
        if intent.status != "succeeded":
            return "unpaid"
        order = settle(payment, intent)
    except stripe.StripeError:
        logger.warning("Could not reconcile payment %s", payment.pk, exc_info=True)
        return "unreachable"
    if order is not None:
        return "ordered"
    payment.refresh_from_db(fields=["status"])
    return payment.status
