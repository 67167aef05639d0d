"""Carrier tracking payloads in each carrier's documented shape, and their signature."""

from sellers.fulfilment.tracking.webhooks import SIGNATURE_HEADER, signature

RIBS = ["011780000012345678901296", "007810000123456789012345"]


def barid_payload(number, code="LIV", event_id="PM-1", date="2026-11-20T10:15:00+01:00"):
    return {
        "envois": [
            {
                "numero": number,
                "evenements": [
                    {
                        "id": event_id,
                        "code": code,
                        "libelle": "Envoi livré au destinataire",
                        "date": date,
                        "lieu": "Lyon",
                    }
                ],
            }
        ]
    }


def dhl_payload(number, status_code="delivered", timestamp="2026-11-20T10:15:00Z"):
    return {
        "shipments": [
            {
                "id": number,
                "service": "express",
                "events": [
                    {
                        "timestamp": timestamp,
                        "statusCode": status_code,
                        "status": status_code.upper(),
                        "description": "Delivered - Signed for by: C DUBOIS",
                        "location": {"address": {"addressLocality": "LYON - FRANCE"}},
                    }
                ],
            }
        ]
    }


def signed_headers(secret, body):
    return {"HTTP_" + SIGNATURE_HEADER.upper().replace("-", "_"): signature(secret, body)}
