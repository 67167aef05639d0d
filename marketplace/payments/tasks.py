"""Background work of payments: release of timed-out reservations and the reconciliation of
Stripe's succeeded intents with orders (the order emails' task lives beside the emails)."""

import datetime
import logging
from collections import Counter

from celery import shared_task
from django.utils import timezone

from marketplace.payments import service, settlement
from marketplace.payments.emails import (  # noqa: F401 (Celery finds them here)
    send_dispute_emails,
    send_order_emails,
)
from marketplace.payments.models import CheckoutPayment, StockReservation

logger = logging.getLogger(__name__)
# How far back reconciliation looks: Stripe retries a webhook for up to three days.
RECONCILE_WINDOW = datetime.timedelta(days=3)


@shared_task(ignore_result=True)
def release_expired_reservations():
    """Cancel the intents of payments whose reservation timed out, then free their stock.

    Run again, it finds them no longer pending (``fail_payment`` checks under a row lock);
    a run killed between Stripe and the release is finished by the next one.
    """
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
        if payment.stripe_payment_intent and not service.cancel_intent(payment):
            continue  # it may have just succeeded: the webhook will place the order
        service.fail_payment(payment.pk, "timed out", status=CheckoutPayment.Status.CANCELED)
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
    candidates = CheckoutPayment.objects.filter(
        order__isnull=True,
        stripe_payment_intent__isnull=False,
        status__in=[CheckoutPayment.Status.PENDING, CheckoutPayment.Status.FAILED],
        created_at__gte=timezone.now() - RECONCILE_WINDOW,
    ).order_by("pk")
    tally = Counter(settlement.reconcile(payment) for payment in candidates)
    if tally.keys() - {"unpaid"}:
        logger.warning("Stripe reconciliation: %s", dict(tally))
    return dict(tally)
