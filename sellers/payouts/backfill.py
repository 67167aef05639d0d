"""Credits for parcels shipped before payouts followed the parcel.

Until then a line was credited when its seller marked the parcel delivered; since then, when
the parcel ships (``receivers.credit_shipped_parcel``), held until the maximum time after
shipment, or until the hold period after the carrier's tracked delivery. A parcel shipped under
the old rule and not yet marked delivered has no credit: ``backfill`` writes what shipment
would have written (``credit_shipped_line``, or ``credit_delivered_line`` when the carrier's
tracking already said delivered), marked ``reference=BACKFILL``. Credits already written are
left as they are (their hold was promised under the old rule). Running it again writes nothing;
``undo`` deletes the backfilled credits no payout has taken.
"""

from django.db import transaction
from django.db.models import Exists, OuterRef
from oscar.core.loading import get_model

from sellers.fulfilment.models import Parcel
from sellers.fulfilment.services import seller_lines
from sellers.payouts import services
from sellers.payouts.models import LedgerEntry

BACKFILL = "backfill:parcel-shipped"
SHIPPED = (Parcel.Status.SHIPPED, Parcel.Status.DELIVERED)


def uncredited_lines(parcel):
    return seller_lines(parcel).exclude(ledger_entries__kind=LedgerEntry.Kind.CREDIT)


def parcels_to_backfill():
    """Shipped or delivered parcels with at least one of their seller's lines uncredited."""
    Line = get_model("order", "Line")
    uncredited = Line.objects.filter(
        order_id=OuterRef("order_id"), partner_id=OuterRef("partner_id")
    ).exclude(ledger_entries__kind=LedgerEntry.Kind.CREDIT)
    return (
        Parcel.objects.filter(status__in=SHIPPED)
        .filter(Exists(uncredited))
        .select_related("order")
        .order_by("pk")
    )


def _shipped_at(parcel):
    return parcel.shipped_at or parcel.delivered_at or parcel.updated_at


@transaction.atomic
def backfill_parcel(parcel):
    """Credit ``parcel``'s uncredited lines as its shipment would have; returns the entries."""
    entries = []
    for line in uncredited_lines(parcel).select_related("order"):
        if parcel.tracked_delivered_at:
            entry = services.credit_delivered_line(line, delivered_at=parcel.tracked_delivered_at)
        else:
            entry = services.credit_shipped_line(line, shipped_at=_shipped_at(parcel))
        LedgerEntry.objects.filter(pk=entry.pk).update(reference=BACKFILL)
        entries.append(entry)
    return entries


def backfill():
    """Backfill every parcel that needs it; returns (parcels, entries) counts."""
    parcels = entries = 0
    for parcel in parcels_to_backfill().iterator():
        written = backfill_parcel(parcel)
        parcels += bool(written)
        entries += len(written)
    return parcels, entries


@transaction.atomic
def undo():
    """Delete the backfilled credits no payout has taken; returns (deleted, kept in a payout)."""
    backfilled = LedgerEntry.objects.filter(kind=LedgerEntry.Kind.CREDIT, reference=BACKFILL)
    kept = backfilled.filter(payout__isnull=False).count()
    deleted, _by_model = backfilled.filter(payout__isnull=True).delete()
    return deleted, kept
