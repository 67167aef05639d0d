"""Barid Al-Maghrib (Poste Maroc: Amana, EMS): the tracking payload, webhook and API alike.

The JSON shape (UTF-8; French keys as the Poste Maroc tracking service uses)::

    {
      "envois": [
        {
          "numero": "EE123456789MA",
          "evenements": [
            {
              "id": "PM-884422",                    // the carrier's event id (unique)
              "code": "LIV",                        // see CODES
              "libelle": "Envoi livré au destinataire",
              "date": "2026-11-20T10:15:00+01:00",  // ISO 8601; UTC when no offset
              "lieu": "Lyon"
            }
          ]
        }
      ]
    }

Codes: DEP (posted), EXP (dispatched abroad), TRS (in transit), ARR (arrived in the country of
destination), LIV (delivered); anything else (DOU customs, ECH failed attempt, RET returned to
sender, ...) is recorded and moves nothing. An event without ``id`` gets one derived from the
number, code and date.
"""

from sellers.fulfilment.tracking.events import PayloadError, TrackingEvent, derived_id, text, when

CARRIER = "barid"
CODES = {
    "DEP": TrackingEvent.IN_TRANSIT,
    "EXP": TrackingEvent.IN_TRANSIT,
    "TRS": TrackingEvent.IN_TRANSIT,
    "ARR": TrackingEvent.IN_TRANSIT,
    "LIV": TrackingEvent.DELIVERED,
}


def parse(data):
    try:
        shipments = data["envois"]
        events = []
        for shipment in shipments:
            number = text(shipment["numero"], 64)
            for item in shipment.get("evenements") or []:
                code = text(item["code"], 10).upper()
                occurred = when(item["date"])
                events.append(
                    TrackingEvent(
                        tracking_number=number,
                        event_id=text(item.get("id"), 120)
                        or derived_id(number, code, occurred.isoformat()),
                        status=CODES.get(code, TrackingEvent.INFO),
                        occurred_at=occurred,
                        description=text(item.get("libelle") or code, 200),
                        location=text(item.get("lieu"), 120),
                    )
                )
    except (KeyError, TypeError, AttributeError) as error:
        raise PayloadError(f"Not a Barid Al-Maghrib tracking payload: {error!r}") from error
    return events


def api_headers(key):
    return {"X-Api-Key": key} if key else {}
