"""Paying a wholesale order's deposit, balance or full payment by card through Stripe.

- The charge: exactly the payment's amount in MAD, converted to the buyer's currency at the
  current rate as a checkout converts it (``marketplace.currency``: no payment at a rate over
  48 hours old; MAD when the buyer's currency has no fresh rate). The currency, rate and amount
  are frozen on the attempt (``WholesaleCardPayment``) and the page's script posts back the
  amount it showed: a changed amount is refused and shown again, never charged unseen.
- Once: every step locks the ``WholesalePayment`` row, and Stripe is called under that lock, so
  a double click or a second tab waits, then finds the attempt of the first (one intent per
  live attempt, created with an idempotency key) and its charge: never a second one.
- In order: a balance is refused while its deposit is due, and a paid payment is not charged.
- Settled from Stripe's own state of the intent (read again, never taken from an event), by
  the ``payment_intent.succeeded`` webhook or by the buyer's return, whichever comes first;
  then the payment is received as a transfer confirmed by staff (``orders.record_paid``).
- A declined card closes its attempt and leaves the payment due, with a message in the buyer's
  language; the next try opens a new attempt (Stripe keeps a declined intent unpaid).
"""

import logging

import stripe
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from marketplace.currency.money import Money, convert_from_mad
from marketplace.currency.rates import current_rate
from marketplace.payments.gateway import stripe_client
from marketplace.payments.service import FAILED_STATES
from wholesale.access import verified_company
from wholesale.models import WholesaleCardPayment, WholesalePayment
from wholesale.orders import balance_waits_for_deposit, record_paid
from wholesale.quotes import QuoteError

logger = logging.getLogger(__name__)
CONFIRMABLE = ("requires_payment_method", "requires_confirmation")
UNAVAILABLE = _("The payment service is unavailable; nothing was charged.")


class CardDeclined(QuoteError):
    """The card was refused: nothing charged, the payment still due."""


class AmountChanged(QuoteError):
    """The amount to charge is no longer the one the page showed."""


def charge_for(amount_mad, currency):
    """(Rate, Money): what ``amount_mad`` costs in ``currency`` now; in MAD when the currency
    has no rate fresh enough to take a payment at."""
    rate = current_rate(currency)
    if rate is None or not rate.is_fresh():
        rate = current_rate("MAD")
    return rate, convert_from_mad(amount_mad, rate.currency, rate.rate)


def shown(money):
    """What the page posts back: the currency and amount in minor units (``EUR:12345``)."""
    return f"{money.currency}:{money.minor_units}"


def payable_by(payment, user):
    """Why ``user`` may not pay ``payment`` by card now (QuoteError), else nothing."""
    company = verified_company(user)
    if company is None or payment.order.company_id != company.pk:
        raise QuoteError(_("This order belongs to another company."))
    if payment.paid_at is not None:
        raise QuoteError(_("This payment has been received already."))
    if balance_waits_for_deposit(payment):
        raise QuoteError(_("Pay the deposit before the balance."))


def _intent(attempt):
    return stripe_client().v1.payment_intents.retrieve(attempt.stripe_payment_intent)


def _close(attempt, status, message=""):
    attempt.status = status
    attempt.failure_message = str(message)[:500]
    attempt.save(update_fields=["status", "failure_message", "updated_at"])


def _open_attempt(payment, user, rate, money):
    attempt = WholesaleCardPayment.objects.create(
        payment=payment,
        user=user,
        currency=money.currency,
        rate=rate.rate,
        rate_date=rate.date,
        amount=money.amount,
    )
    intent = stripe_client().v1.payment_intents.create(
        params={
            "amount": money.minor_units,
            "currency": money.currency.lower(),
            "metadata": {
                "wholesale_payment": str(payment.pk),
                "wholesale_order": payment.order.reference,
                "kind": payment.kind,
            },
        },
        options={"idempotency_key": f"wholesale-card-payment-{attempt.pk}"},
    )
    attempt.stripe_payment_intent = intent.id
    attempt.save(update_fields=["stripe_payment_intent", "updated_at"])
    return attempt, intent


def _live_attempt(payment, money):
    """The payment's pending attempt and its intent, if it can still be used for ``money``;
    an unconfirmed attempt at another amount (the rate moved, another currency) is canceled."""
    attempt = payment.card_payments.filter(status__in=WholesaleCardPayment.LIVE).first()
    if attempt is None:
        return None, None
    if attempt.stripe_payment_intent is None:  # Stripe failed to answer its creation
        _close(attempt, WholesaleCardPayment.CANCELED)
        return None, None
    intent = _intent(attempt)
    if intent.status == "succeeded" or intent.status not in (*CONFIRMABLE, "canceled"):
        return attempt, intent  # paid, or being paid (3-D Secure, processing): leave it be
    same = (attempt.currency, Money(attempt.amount, attempt.currency).minor_units) == (
        money.currency,
        money.minor_units,
    )
    if same and intent.status != "canceled":
        return attempt, intent
    if intent.status != "canceled":
        stripe_client().v1.payment_intents.cancel(intent.id)
    _close(attempt, WholesaleCardPayment.CANCELED)
    return None, None


def paid_by_card():
    """Annotation of a ``WholesalePayment`` queryset: True when a card attempt paid it."""
    return Exists(
        WholesaleCardPayment.objects.filter(
            payment=OuterRef("pk"), status=WholesaleCardPayment.SUCCEEDED
        )
    )


def pay(payment_id, user, currency, expected, payment_method=None):
    """Start (or find) the card payment of ``payment_id`` and, with ``payment_method`` (a card
    tokenised by Stripe.js), confirm it. Returns (attempt, intent).

    ``expected``: the amount the page showed (``shown``). Raises QuoteError (not payable now),
    AmountChanged, CardDeclined.
    """
    declined = unavailable = None
    with transaction.atomic():
        payment = (
            WholesalePayment.objects.select_for_update().select_related("order").get(pk=payment_id)
        )
        payable_by(payment, user)
        rate, money = charge_for(payment.amount, currency)
        try:
            attempt, intent = _live_attempt(payment, money)
            if attempt is not None and intent.status == "succeeded":
                _settle_locked(payment, attempt, intent)
                return attempt, intent
            charged = money if attempt is None else Money(attempt.amount, attempt.currency)
            if expected != shown(charged):
                raise AmountChanged(
                    _("The amount in your currency changed: please check it and pay again.")
                )
            if attempt is None:
                attempt, intent = _open_attempt(payment, user, rate, money)
            if payment_method and intent.status in CONFIRMABLE:
                client = stripe_client()
                client.v1.payment_intents.update(
                    intent.id, params={"payment_method": payment_method}
                )
                intent = client.v1.payment_intents.confirm(intent.id)
                if intent.status == "succeeded":
                    _settle_locked(payment, attempt, intent)
        except stripe.CardError as error:
            logger.info("Card declined for wholesale payment %s: %s", payment.pk, error)
            _close(attempt, WholesaleCardPayment.FAILED, error.user_message or "")
            _cancel_quietly(attempt)
            declined = error
        except stripe.StripeError as error:
            # Kept as it is (an attempt stays pending): Stripe may have acted before failing
            # to answer, and the webhook or the return page settles what it did.
            logger.exception("Stripe refused the card payment of wholesale payment %s", payment.pk)
            unavailable = error
    if unavailable is not None:
        raise QuoteError(UNAVAILABLE) from unavailable
    if declined is not None:
        raise CardDeclined(
            _(
                "Your card was declined and nothing was charged: try another card, or pay "
                "by bank transfer."
            )
        ) from declined
    return attempt, intent


def _cancel_quietly(attempt):
    """A declined attempt's intent is canceled, so that no later retry can charge it."""
    try:
        stripe_client().v1.payment_intents.cancel(attempt.stripe_payment_intent)
    except stripe.StripeError:
        logger.warning("Could not cancel intent of card attempt %s", attempt.pk, exc_info=True)


def charged_as_frozen(attempt, intent):
    data = intent.to_dict()
    amounts = {int(data["amount"]), int(data.get("amount_received") or data["amount"])}
    same_currency = str(data["currency"]).upper() == attempt.currency
    return same_currency and amounts == {Money(attempt.amount, attempt.currency).minor_units}


def _settle_locked(payment, attempt, intent):
    """With the payment row locked: record what Stripe says of the attempt's intent."""
    if intent.status == "succeeded":
        if attempt.status == WholesaleCardPayment.SUCCEEDED:
            return
        if not charged_as_frozen(attempt, intent):
            logger.error("Intent %s charged another amount: not recorded", intent.id)
            return
        if payment.paid_at is not None:  # received meanwhile (a transfer, another attempt)
            _refund(attempt, intent)
            return
        for other in payment.card_payments.filter(status=WholesaleCardPayment.PENDING).exclude(
            pk=attempt.pk
        ):
            _cancel(other)
        _close(attempt, WholesaleCardPayment.SUCCEEDED)
        record_paid(payment, bank_reference=intent.id)
    elif intent.status in FAILED_STATES and attempt.status == WholesaleCardPayment.PENDING:
        error = intent.to_dict().get("last_payment_error") or {}
        _close(attempt, WholesaleCardPayment.FAILED, error.get("message") or "")


def _cancel(attempt):
    """Close a pending attempt and cancel its intent, so that it can no longer be paid."""
    _close(attempt, WholesaleCardPayment.CANCELED)
    _cancel_quietly(attempt)


def _refund(attempt, intent):
    """A payment charged by card once it was received already: the charge goes back."""
    logger.warning("Wholesale payment %s paid twice: refunding %s", attempt.payment_id, intent.id)
    stripe_client().v1.refunds.create(
        params={"payment_intent": intent.id},
        options={"idempotency_key": f"wholesale-card-refund-{attempt.pk}"},
    )
    _close(attempt, WholesaleCardPayment.REFUNDED, "paid twice: refunded")


def settle(attempt_id, intent):
    """Record the attempt's intent as Stripe reports it (webhook, return page); idempotent."""
    with transaction.atomic():
        payment_id = WholesaleCardPayment.objects.values_list("payment_id", flat=True).get(
            pk=attempt_id
        )
        payment = WholesalePayment.objects.select_for_update().get(pk=payment_id)
        attempt = WholesaleCardPayment.objects.select_for_update().get(pk=attempt_id)
        _settle_locked(payment, attempt, intent)
    return attempt


def refresh(attempt):
    """Read the attempt's intent from Stripe and settle it (the buyer's return)."""
    return settle(attempt.pk, _intent(attempt))


def settler_for(intent_id):
    """``marketplace.payments.intent_owners`` finder: the wholesale attempts' intents."""
    attempt_id = (
        WholesaleCardPayment.objects.filter(stripe_payment_intent=intent_id)
        .values_list("pk", flat=True)
        .first()
    )
    if attempt_id is None:
        return None
    return lambda intent: settle(attempt_id, intent)
