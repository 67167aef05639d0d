"""Background work of payments: order emails, release of timed-out reservations."""

from celery import shared_task
from django.core.mail import get_connection
from django.utils import timezone
from oscar.core.loading import get_model

from marketplace.payments import emails
from marketplace.payments.models import CheckoutPayment, StockReservation


@shared_task(ignore_result=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_order_emails(order_id, language):
    order = get_model("order", "Order").objects.filter(pk=order_id).first()
    if order is None:
        return 0
    messages = [emails.buyer_confirmation(order, language), *emails.seller_notifications(order)]
    messages = [message for message in messages if message is not None]
    return get_connection().send_messages(messages) or 0


@shared_task(ignore_result=True)
def release_expired_reservations():
    """Cancel the intents of payments whose reservation timed out, then free their stock."""
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
