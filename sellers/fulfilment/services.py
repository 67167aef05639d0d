"""Parcel transitions: paid -> in preparation -> shipped (service, tracking) -> delivered.

Every change runs in one transaction with the parcel row locked, appends an event and copies
the status onto the seller's order lines (``Line.status``, which Oscar's dashboard shows). A
parcel ships only with a carrier service and a tracking number, and only after its packing
check when the seller requires one. Every move sends ``parcel_status_changed`` (the order's
status follows); shipping also sends ``parcel_shipped`` (the payout ledger records the seller's
credits, held), both in the same transaction.

Delivery is told by the carrier: ``record_carrier_event`` appends a carrier's tracking event
once per event id, moves the parcel, and on the first "delivered" sends ``parcel_delivered``
(the ledger's hold starts then). A seller's or staff member's own "delivered" moves the status
but sends nothing: it releases no money.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from sellers.fulfilment import parcels
from sellers.fulfilment.models import Parcel, ParcelEvent
from sellers.fulfilment.signals import parcel_delivered, parcel_shipped, parcel_status_changed
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
    return _move(locked, to_status, actor=actor)[0]


def _move(locked, to_status, at=None, **event):
    """Move the locked parcel, append its event, copy the status onto its lines.

    Returns (parcel, event row)."""
    from_status = locked.status
    locked.status = to_status
    setattr(locked, TIMESTAMPS[to_status], at or timezone.now())
    locked.save()
    shipped = to_status == Status.SHIPPED
    if shipped:
        event.setdefault("carrier", locked.service.carrier.code if locked.service else "")
        event.setdefault("tracking_number", locked.tracking_number)
    row = ParcelEvent.objects.create(
        parcel=locked, from_status=from_status, to_status=to_status, **event
    )
    seller_lines(locked).update(status=to_status)
    parcel_status_changed.send(sender=Parcel, parcel=locked, from_status=from_status)
    if shipped:
        parcel_shipped.send(sender=Parcel, parcel=locked)
    return locked, row


@transaction.atomic
def record_carrier_event(parcel, carrier, event):
    """Append the carrier's tracking ``event`` (a ``tracking.TrackingEvent``) once.

    Returns (event row, created). A "delivered" or "in transit" event moves a parcel not yet
    shipped to shipped (the carrier has it); "delivered" then marks it delivered, records
    ``tracked_delivered_at`` and sends ``parcel_delivered`` the first time, even when the seller
    had already said "delivered". Other events are recorded without moving the parcel.
    """
    locked = _locked(parcel)
    existing = ParcelEvent.objects.filter(carrier=carrier, event_id=event.event_id).first()
    if existing is not None:
        return existing, False
    at = min(event.occurred_at, timezone.now())
    fields = {
        "source": ParcelEvent.Source.CARRIER,
        "carrier": carrier,
        "tracking_number": locked.tracking_number,
        "description": event.description[:200],
        "location": event.location[:120],
        "occurred_at": at,
    }
    delivered = event.status == event.DELIVERED
    if event.status in (event.IN_TRANSIT, event.DELIVERED) and locked.status in (
        Status.PAID,
        Status.IN_PREPARATION,
    ):
        shipped_id = "" if delivered else event.event_id
        locked, row = _move(locked, Status.SHIPPED, at=at, event_id=shipped_id, **fields)
        if not delivered:
            return row, True
    if delivered and locked.status != Status.DELIVERED:
        locked, row = _move(locked, Status.DELIVERED, at=at, event_id=event.event_id, **fields)
    else:
        row = ParcelEvent.objects.create(
            parcel=locked,
            from_status=locked.status,
            to_status=locked.status,
            event_id=event.event_id,
            **fields,
        )
    if delivered and locked.tracked_delivered_at is None:
        locked.tracked_delivered_at = at
        locked.save(update_fields=["tracked_delivered_at", "updated_at"])
        parcel_delivered.send(sender=Parcel, parcel=locked, delivered_at=at)
    return row, True


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
