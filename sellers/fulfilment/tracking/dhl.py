"""DHL Express: the tracking payload, in the shape of DHL's Shipment Tracking (unified) API,
the same for its webhook pushes and its ``GET /track/shipments?trackingNumber=`` answers::

    {
      "shipments": [
        {
          "id": "JD014600003312345678",
          "service": "express",
          "events": [
            {
              "timestamp": "2026-11-20T10:15:00Z",      // ISO 8601; UTC when no offset
              "statusCode": "delivered",                // pre-transit | transit | delivered
                                                        // | failure | unknown
              "status": "DELIVERED",
              "description": "Delivered - Signed for by: C DUBOIS",
              "location": {"address": {"addressLocality": "LYON - FRANCE"}}
            }
          ]
        }
      ]
    }

DHL sends no event id: one is derived from the number, timestamp and status code, so the same
event pushed and polled is recorded once. ``transit`` moves a parcel to shipped, ``delivered``
to delivered; the others are recorded only.
"""

from sellers.fulfilment.tracking.events import PayloadError, TrackingEvent, derived_id, text, when

CARRIER = "dhl"
CODES = {"transit": TrackingEvent.IN_TRANSIT, "delivered": TrackingEvent.DELIVERED}


def parse(data):
    try:
        events = []
        for shipment in data["shipments"]:
            number = text(shipment["id"], 64)
            for item in shipment.get("events") or []:
                code = text(item["statusCode"], 20).lower()
                occurred = when(item["timestamp"])
                address = ((item.get("location") or {}).get("address") or {}).get("addressLocality")
                events.append(
                    TrackingEvent(
                        tracking_number=number,
                        event_id=derived_id(number, occurred.isoformat(), code),
                        status=CODES.get(code, TrackingEvent.INFO),
                        occurred_at=occurred,
                        description=text(item.get("description") or item.get("status"), 200),
                        location=text(address, 120),
                    )
                )
    except (KeyError, TypeError, AttributeError) as error:
        raise PayloadError(f"Not a DHL tracking payload: {error!r}") from error
    return events


def api_headers(key):
    return {"DHL-API-Key": key} if key else {}
