"""The hourly returns task: tell buyers once when a seller lets the answer deadline pass, tell
curators once of each escalated return, mark
returns received when the carrier's tracking says delivered, and refund received returns whose
refund failed. Each step is idempotent: run twice, it does each thing once."""

import logging

from celery import shared_task
from django.utils import timezone

from marketplace.idempotency.mail import send_once
from sellers.fulfilment.tracking.events import TrackingEvent
from sellers.fulfilment.tracking.polling import TrackingUnavailable, fetch, pollable_carriers
from sellers.returns import emails, services
from sellers.returns.models import ReturnEvent, ReturnRequest

logger = logging.getLogger(__name__)
Status = ReturnRequest.Status


def tell_overdue(now=None):
    overdue = ReturnRequest.objects.filter(
        status=Status.REQUESTED, respond_by__lt=now or timezone.now(), escalated_at__isnull=True
    ).select_related("order")
    sent = 0
    for request in overdue:
        if request.order.email:
            sent += int(send_once(f"return-overdue:{request.pk}", emails.overdue_message(request)))
    return sent


def tell_curators():
    """Each escalated return's curators' email, for one whose event's task was lost: sent once
    per curator and return (the event's task sends it first, under the same key)."""
    sent = 0
    for request in ReturnRequest.objects.filter(status=Status.ESCALATED).select_related("order"):
        sent += emails.tell_curators(request)
    return sent


def poll_return_tracking():
    received = 0
    shipped = ReturnRequest.objects.filter(
        status=Status.SHIPPED, return_carrier__in=pollable_carriers()
    ).exclude(return_tracking="")
    for request in shipped:
        try:
            events = fetch(request.return_carrier, request.return_tracking)
        except TrackingUnavailable as error:
            logger.info("Return %s: %s", request.pk, error)
            continue
        delivered = [
            event
            for event in events
            if event.status == TrackingEvent.DELIVERED
            and event.tracking_number == request.return_tracking
        ]
        if delivered:
            note = delivered[0].description
            services.confirm_receipt(request, None, ReturnEvent.Role.SYSTEM, note)
            received += 1
    return received


def retry_refunds():
    done = 0
    waiting = ReturnRequest.objects.filter(
        status=Status.RECEIVED, outcome=ReturnRequest.Outcome.REFUND
    )
    for request in waiting:
        try:
            services.refund(request)
        except services.ReturnError as error:
            logger.warning("Return %s not refunded: %s", request.pk, error)
        else:
            done += 1
    return done


@shared_task(name="returns.hourly", ignore_result=True)
def hourly():
    return {
        "overdue": tell_overdue(),
        "escalated": tell_curators(),
        "received": poll_return_tracking(),
        "refunded": retry_refunds(),
    }
