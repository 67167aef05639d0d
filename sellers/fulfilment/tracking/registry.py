"""Which module reads which carrier's payloads, by carrier code (``shipping.Carrier.code``).

Each format module has ``CARRIER``, ``parse(data) -> [TrackingEvent]`` for its webhook and
tracking API bodies (decoded JSON) and ``api_headers(key)``.
"""

from sellers.fulfilment.tracking import barid, dhl

FORMATS = {module.CARRIER: module for module in (barid, dhl)}


def format_of(carrier):
    """The carrier's format module, or None for a carrier without tracking intake."""
    return FORMATS.get(carrier)
