"""Parcel transitions: paid -> in preparation -> shipped (service, tracking) -> delivered.

Every change runs in one transaction with the parcel row locked, appends an event and copies
the status onto the seller's order lines (``Line.status``, which Oscar's dashboard shows). A
parcel ships only with a carrier service and a tracking number, and only after its packing
check when the seller requires one. Every move sends ``parcel_status_changed`` (the order's
status follows), delivery also ``parcel_delivered`` (the payout ledger credits the seller's
lines), both in the same transaction.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from sellers.fulfilment import parcels
from sellers.fulfilment.models import Parcel, ParcelEvent
from sellers.fulfilment.signals import parcel_delivered, parcel_status_changed
from shipping.models import Service

Status = Parcel.Status

TRANSITIONS = {
    Status.PAID: (Status.IN_PREPARATION,),
    Status.IN_PREPARATION: (Status.SHIPPED,),
    Status.SHIPPED: (Status.DELIVERED,),
    Status.DELIVERED: (),
}
TIMESTAMPS = {
    Status.IN_PREPARATION: "preparing_at",
    Status.SHIPPED: "shipped_at",
    Status.DELIVERED: "delivered_at",
}
PACKING_CHECK_PENDING = _(
    "This parcel must pass its packing check before it is shipped: a cooperative leader or "
    "a curator confirms it on the parcel page."
)


class TransitionError(ValueError):
    """A transition the workflow does not allow, or one missing what it needs."""


def next_statuses(status):
    return TRANSITIONS[Status(status)]


def _locked(parcel):
    found = Parcel.objects.select_for_update(of=("self",)).select_related("service__carrier")
    return found.get(pk=parcel.pk)


@transaction.atomic
def advance(parcel, to_status, actor=None):
    """Move ``parcel`` to ``to_status``; a repeat of the current status changes nothing.

    Returns the fresh parcel. Raises TransitionError (nothing written) when the move is not
    allowed, or a shipment lacks its service, its tracking number or its packing check.
    """
    to_status = Status(to_status)
    locked = _locked(parcel)
    if locked.status == to_status:
        return locked
    if to_status not in next_statuses(locked.status):
        raise TransitionError(
            _("An order cannot go from “%(from)s” to “%(to)s”.")
            % {"from": Status(locked.status).label, "to": to_status.label}
        )
    if to_status == Status.SHIPPED:
        _refuse_unshippable(locked)
    from_status = locked.status
    locked.status = to_status
    setattr(locked, TIMESTAMPS[to_status], timezone.now())
    locked.save()
    shipped = to_status == Status.SHIPPED
    ParcelEvent.objects.create(
        parcel=locked,
        from_status=from_status,
        to_status=to_status,
        carrier=locked.service.carrier.code if shipped else "",
        tracking_number=locked.tracking_number if shipped else "",
        actor=actor,
    )
    seller_lines(locked).update(status=to_status)
    parcel_status_changed.send(sender=Parcel, parcel=locked, from_status=from_status)
    if to_status == Status.DELIVERED:
        parcel_delivered.send(sender=Parcel, parcel=locked)
    return locked


def _refuse_unshippable(parcel):
    if parcel.awaits_packing_check:
        raise TransitionError(PACKING_CHECK_PENDING)
    if parcel.service is None or not parcel.tracking_number:
        raise TransitionError(
            _("Choose a carrier service and save the tracking number before shipping.")
        )


def _active_service(code):
    service = Service.objects.filter(is_active=True, code=code).select_related("carrier").first()
    if service is None:
        raise TransitionError(_("Choose a carrier service."))
    return service


@transaction.atomic
def set_tracking(parcel, service_code, tracking_number):
    """Record the carrier service and tracking number of a parcel not yet shipped."""
    locked = _locked(parcel)
    if locked.status in (Status.SHIPPED, Status.DELIVERED):
        raise TransitionError(_("This parcel is shipped: its tracking cannot change."))
    locked.service = _active_service(service_code)
    locked.tracking_number = tracking_number.strip()
    locked.save(update_fields=["service", "tracking_number", "updated_at"])
    return locked


@transaction.atomic
def ship(parcel, service_code, tracking_number, actor=None):
    """The seller space's "shipped" step: record the tracking and ship the parcel.

    A repeated request finds the parcel shipped and leaves the first record as it is.
    """
    locked = _locked(parcel)
    if locked.status in (Status.SHIPPED, Status.DELIVERED):
        return locked
    if locked.status != Status.IN_PREPARATION:
        raise TransitionError(
            _("An order cannot go from “%(from)s” to “%(to)s”.")
            % {"from": Status(locked.status).label, "to": Status.SHIPPED.label}
        )
    set_tracking(locked, service_code, tracking_number)
    return advance(locked, Status.SHIPPED, actor)


@transaction.atomic
def dispatch(parcel, actor=None):
    """The parcel page's dispatch, with the tracking saved on it: a parcel still "paid" passes
    through "in preparation" (both steps recorded); one already shipped stays as it is."""
    locked = _locked(parcel)
    if locked.status in (Status.SHIPPED, Status.DELIVERED):
        return locked
    _refuse_unshippable(locked)
    if locked.status == Status.PAID:
        locked = advance(locked, Status.IN_PREPARATION, actor)
    return advance(locked, Status.SHIPPED, actor)


@transaction.atomic
def confirm_packing(parcel, user):
    if not parcels.can_check(user, parcel):
        raise PermissionDenied
    locked = _locked(parcel)
    if locked.checked_at is None:
        locked.checked_by, locked.checked_at = user, timezone.now()
        locked.save(update_fields=["checked_by", "checked_at", "updated_at"])
    return locked


def seller_lines(parcel):
    Line = get_model("order", "Line")
    return Line.objects.filter(order_id=parcel.order_id, partner_id=parcel.partner_id)
