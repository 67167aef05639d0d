"""Tracking polls (loaded through ``CELERY_IMPORTS``): the beat task asks each pollable
carrier about its shipped parcels not yet delivered by its tracking, one task per parcel.

Recording is once per carrier event id, so a poll delivered twice changes nothing."""

import datetime
import logging

from celery import shared_task
from django.conf import settings
from django.utils import timezone

from sellers.fulfilment.models import Parcel
from sellers.fulfilment.tracking import polling

logger = logging.getLogger(__name__)


def parcels_to_poll(now=None):
    """Shipped parcels of pollable carriers, without a tracked delivery, shipped within the
    maximum time after which the ledger stops waiting for tracking."""
    now = now or timezone.now()
    since = now - datetime.timedelta(days=settings.PAYOUT_MAX_DAYS_AFTER_SHIPMENT)
    return Parcel.objects.filter(
        status__in=[Parcel.Status.SHIPPED, Parcel.Status.DELIVERED],
        tracked_delivered_at__isnull=True,
        shipped_at__gte=since,
        service__carrier__code__in=polling.pollable_carriers(),
    ).exclude(tracking_number="")


@shared_task(name="fulfilment.poll_tracking")
def poll_tracking():
    ids = list(parcels_to_poll().values_list("pk", flat=True))
    for parcel_id in ids:
        poll_parcel_tracking.delay(parcel_id)
    return len(ids)


@shared_task(name="fulfilment.poll_parcel_tracking")
def poll_parcel_tracking(parcel_id):
    parcel = Parcel.objects.select_related("service__carrier").filter(pk=parcel_id).first()
    if parcel is None or parcel.service is None:
        return None
    try:
        return polling.poll(parcel).as_dict()
    except polling.TrackingUnavailable:
        logger.warning("Tracking of parcel %s unavailable", parcel_id, exc_info=True)
        return None
