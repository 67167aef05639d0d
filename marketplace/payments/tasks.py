"""Background work of payments: order emails, release of timed-out reservations, and the
reconciliation of Stripe's succeeded intents with orders."""

import datetime
import logging
from collections import Counter

from celery import shared_task
from django.core.mail import get_connection
from django.utils import timezone
from oscar.core.loading import get_model

from marketplace.idempotency.mail import send_once
from marketplace.payments import emails
from marketplace.payments.models import CheckoutPayment, StockReservation

logger = logging.getLogger(__name__)
# How far back reconciliation looks: Stripe retries a webhook for up to three days.
RECONCILE_WINDOW = datetime.timedelta(days=3)


@shared_task(ignore_result=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_order_emails(order_id, language):
    """The buyer's confirmation and each seller's notice, each sent once (a key per recipient):
    run again, or retried after a dropped connection, it sends only what has not gone."""
    order = get_model("order", "Order").objects.filter(pk=order_id).first()
    if order is None:
        return 0
    keyed = [emails.buyer_confirmation(order, language), *emails.seller_notifications(order)]
    sent = 0
    with get_connection() as connection:
        for key, message in filter(None, keyed):
            message.connection = connection
            sent += send_once(key, message)
    return sent


@shared_task(ignore_result=True)
def release_expired_reservations():
    """Cancel the intents of payments whose reservation timed out, then free their stock.

    Run again, it finds them no longer pending (``fail_payment`` checks under a row lock);
    a run killed between Stripe and the release is finished by the next one.
    """
    from marketplace.payments.service import cancel_intent, fail_payment

    expired = (
        CheckoutPayment.objects.filter(
            status=CheckoutPayment.Status.PENDING,
            reservations__state=StockReservation.State.ACTIVE,
            reservations__expires_at__lte=timezone.now(),
        )
        .distinct()
        .order_by("pk")
    )
    released = 0
    for payment in expired:
        if payment.stripe_payment_intent and not cancel_intent(payment):
            continue  # it may have just succeeded: the webhook will place the order
        fail_payment(payment.pk, "timed out", status=CheckoutPayment.Status.CANCELED)
        released += 1
    return released


@shared_task(ignore_result=True)
def reconcile_charges():
    """Compare Stripe's succeeded intents with orders: a recent payment without an order whose
    intent Stripe reports succeeded gets its order placed, or its charge refunded when it can
    have none (the basket was ordered by another payment, a piece sold, the total changed).

    The intents come from our own payment rows, each written before its intent is created:
    localstripe lists PaymentIntents without Stripe's ``created`` filter or newest-first order,
    so a window of Stripe's list cannot be read there. Returns the tally of what happened.
    """
    from marketplace.payments.service import reconcile

    candidates = CheckoutPayment.objects.filter(
        order__isnull=True,
        stripe_payment_intent__isnull=False,
        status__in=[CheckoutPayment.Status.PENDING, CheckoutPayment.Status.FAILED],
        created_at__gte=timezone.now() - RECONCILE_WINDOW,
    ).order_by("pk")
    tally = Counter(reconcile(payment) for payment in candidates)
    if tally.keys() - {"unpaid"}:
        logger.warning("Stripe reconciliation: %s", dict(tally))
    return dict(tally)
