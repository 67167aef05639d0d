"""The carrier-neutral tracking event, and which module reads which carrier's payloads."""

import dataclasses
import datetime
import hashlib

from django.utils import timezone
from django.utils.dateparse import parse_datetime


class PayloadError(ValueError):
    """A payload that does not have the carrier's documented shape."""


@dataclasses.dataclass(frozen=True)
class TrackingEvent:
    IN_TRANSIT = "in_transit"
    DELIVERED = "delivered"
    INFO = "info"  # anything else: recorded, moves nothing (customs, failed attempt, return)

    tracking_number: str
    event_id: str
    status: str
    occurred_at: datetime.datetime
    description: str = ""
    location: str = ""


def when(value):
    """An aware datetime from an ISO 8601 string (UTC when it has no offset)."""
    parsed = parse_datetime(str(value or ""))
    if parsed is None:
        raise PayloadError(f"Not an ISO 8601 date-time: {value!r}")
    if timezone.is_naive(parsed):
        parsed = timezone.make_aware(parsed, datetime.UTC)
    return parsed


def derived_id(*parts):
    """A stable event id for carriers that send none: the same event gets the same id."""
    return "h:" + hashlib.sha256("|".join(str(p) for p in parts).encode()).hexdigest()[:40]


def text(value, limit):
    return str(value or "").strip()[:limit]
