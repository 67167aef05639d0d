"""Ask a carrier's tracking API about a parcel: ``GET`` the URL of
``TRACKING_API_URLS[carrier]`` with ``{number}`` replaced, the key of ``TRACKING_API_KEYS``
in the carrier's header; the answer has the carrier's documented payload shape."""

import json
import logging
import urllib.error
import urllib.request
from urllib.parse import quote

from django.conf import settings

from sellers.fulfilment.tracking import intake
from sellers.fulfilment.tracking.events import PayloadError
from sellers.fulfilment.tracking.registry import format_of

logger = logging.getLogger(__name__)


class TrackingUnavailable(Exception):
    """The carrier's API did not answer usefully (try again at the next poll)."""


def pollable_carriers():
    return [code for code, url in settings.TRACKING_API_URLS.items() if url and format_of(code)]


def fetch(carrier, tracking_number):
    """The carrier's events for ``tracking_number``."""
    module = format_of(carrier)
    url = settings.TRACKING_API_URLS[carrier].replace("{number}", quote(tracking_number, safe=""))
    headers = {"Accept": "application/json"}
    headers.update(module.api_headers(settings.TRACKING_API_KEYS.get(carrier, "")))
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=settings.TRACKING_HTTP_TIMEOUT) as response:
            body = response.read(settings.TRACKING_MAX_RESPONSE_BYTES)
        return module.parse(json.loads(body))
    except (urllib.error.URLError, TimeoutError, ValueError, PayloadError) as error:
        raise TrackingUnavailable(f"{carrier} {tracking_number}: {error}") from error


def poll(parcel):
    """Record what the carrier says about ``parcel`` (an Outcome)."""
    carrier = parcel.service.carrier.code
    return intake.record(carrier, fetch(carrier, parcel.tracking_number))
