"""Record a carrier's events against the parcels they are about."""

import dataclasses

from sellers.fulfilment.models import Parcel
from sellers.fulfilment.services import record_carrier_event


@dataclasses.dataclass
class Outcome:
    recorded: int = 0
    duplicates: int = 0
    unknown: int = 0

    def as_dict(self):
        return dataclasses.asdict(self)


def parcel_tracked(carrier, tracking_number):
    """The parcel the carrier carries under ``tracking_number`` (None when unknown)."""
    found = Parcel.objects.filter(
        service__carrier__code=carrier, tracking_number__iexact=tracking_number
    )
    return found.order_by("-pk").first() if tracking_number else None


def record(carrier, events):
    """Record each event once (by the carrier's event id); events of unknown parcels are
    counted and dropped."""
    outcome = Outcome()
    for event in events:
        parcel = parcel_tracked(carrier, event.tracking_number)
        if parcel is None:
            outcome.unknown += 1
            continue
        _row, created = record_carrier_event(parcel, carrier, event)
        if created:
            outcome.recorded += 1
        else:
            outcome.duplicates += 1
    return outcome
