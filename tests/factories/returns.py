"""Helpers for return tests: a delivered order, the guest's return pages."""

import datetime

from sellers.fulfilment.models import Parcel


def deliver(order, when):
    for parcel in order.parcels.all():
        parcel.status = Parcel.Status.DELIVERED
        parcel.shipped_at = when - datetime.timedelta(days=5)
        parcel.delivered_at = when
        parcel.tracked_delivered_at = when
        parcel.save()


def guest_url(order, path="new/"):
    return f"/en/returns/order/{order.number}/{order.verification_hash()}/{path}"


def return_url(request, path=""):
    return f"/en/returns/{request.pk}/{request.order.verification_hash()}/{path}"
