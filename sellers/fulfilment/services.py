"""Fulfilment transitions: paid -> in preparation -> shipped (carrier, tracking) -> delivered.

Every change runs in one transaction with the fulfilment row locked, appends an event, copies
the status onto the seller's order lines (``Line.status``), and a delivery credits the seller's
lines to the payout ledger in that same transaction.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from sellers.fulfilment.models import Fulfilment, FulfilmentEvent

Status = Fulfilment.Status

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


class TransitionError(ValueError):
    """A transition the workflow does not allow, or one missing what it needs."""


def next_statuses(status):
    return TRANSITIONS[Status(status)]


def open_fulfilments_for_order(order):
    """One "paid" fulfilment per seller with lines in ``order``; safe to call again."""
    seller_ids = order.lines.exclude(partner=None).values_list("partner_id", flat=True).distinct()
    for seller_id in seller_ids:
        fulfilment, created = Fulfilment.objects.get_or_create(order=order, seller_id=seller_id)
        if created:
            FulfilmentEvent.objects.create(fulfilment=fulfilment, to_status=Status.PAID)


def fulfilment_for(order, seller):
    """The seller's fulfilment of ``order``, opened if the order predates this app."""
    fulfilment = Fulfilment.objects.filter(order=order, seller=seller).first()
    if fulfilment is None:
        open_fulfilments_for_order(order)
        fulfilment = Fulfilment.objects.get(order=order, seller=seller)
    return fulfilment


@transaction.atomic
def advance(fulfilment, to_status, actor=None, carrier="", tracking_number=""):
    """Move ``fulfilment`` to ``to_status``; a repeat of the current status changes nothing.

    Returns the fresh fulfilment. Raises TransitionError when the move is not allowed.
    """
    to_status = Status(to_status)
    locked = Fulfilment.objects.select_for_update().get(pk=fulfilment.pk)
    if locked.status == to_status:
        return locked
    if to_status not in next_statuses(locked.status):
        raise TransitionError(
            _("An order cannot go from “%(from)s” to “%(to)s”.")
            % {"from": Status(locked.status).label, "to": to_status.label}
        )
    if to_status == Status.SHIPPED:
        carrier, tracking_number = carrier.strip(), tracking_number.strip()
        if not carrier or not tracking_number:
            raise TransitionError(_("A shipped parcel needs its carrier and tracking number."))
        locked.carrier, locked.tracking_number = carrier, tracking_number
    from_status = locked.status
    locked.status = to_status
    setattr(locked, TIMESTAMPS[to_status], timezone.now())
    locked.save()
    FulfilmentEvent.objects.create(
        fulfilment=locked,
        from_status=from_status,
        to_status=to_status,
        carrier=locked.carrier if to_status == Status.SHIPPED else "",
        tracking_number=locked.tracking_number if to_status == Status.SHIPPED else "",
        actor=actor,
    )
    seller_lines(locked).update(status=to_status)  # Oscar's dashboard shows each line's status
    if to_status == Status.DELIVERED:
        credit_seller_lines(locked)
    return locked


def seller_lines(fulfilment):
    Line = get_model("order", "Line")
    return Line.objects.filter(order_id=fulfilment.order_id, partner_id=fulfilment.seller_id)


def credit_seller_lines(fulfilment):
    """Credit each of the seller's lines in the order to its payout ledger."""
    from sellers.payouts.services import credit_delivered_line

    for line in seller_lines(fulfilment).select_related("order"):
        credit_delivered_line(line, delivered_at=fulfilment.delivered_at)
