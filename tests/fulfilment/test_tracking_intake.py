"""Carrier tracking intake: the signed webhook per carrier (Barid Al-Maghrib, DHL Express),
idempotent on the carrier's event id, and the polling task against a stand-in tracking API."""

import json
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from sellers.fulfilment.models import Parcel, ParcelEvent
from sellers.fulfilment.parcels import parcel_for
from sellers.fulfilment.services import advance, set_tracking
from sellers.fulfilment.tracking.tasks import poll_tracking
from sellers.payouts.models import LedgerEntry
from tests.factories.catalogue import SellerFactory
from tests.factories.orders import order_for, product_of
from tests.factories.tracking import barid_payload, dhl_payload, signed_headers
from tests.support.tracking_server import TrackingStandIn

pytestmark = pytest.mark.django_db

Status = Parcel.Status
SECRETS = {"barid": "barid-shared-secret", "dhl": "dhl-shared-secret"}


@pytest.fixture(autouse=True)
def _secrets(settings):
    settings.TRACKING_WEBHOOK_SECRETS = dict(SECRETS)
    settings.PAYOUT_HOLD_DAYS = 14


def shipped_parcel(service, number):
    seller = SellerFactory()
    parcel = parcel_for(order_for(product_of(seller, stockrecord__price=Decimal("500"))), seller)
    advance(parcel, Status.IN_PREPARATION)
    set_tracking(parcel, service, number)
    return advance(parcel, Status.SHIPPED)


def post(client, carrier, payload, secret=None):
    body = json.dumps(payload).encode()
    headers = signed_headers(secret or SECRETS[carrier], body) if secret != "" else {}
    url = reverse("tracking:webhook", args=[carrier])
    return client.post(url, body, content_type="application/json", **headers)


def now():
    return timezone.now().replace(microsecond=0).isoformat()


def test_a_barid_delivered_event_delivers_the_parcel_and_starts_the_hold(client):
    parcel = shipped_parcel("amana-intl", "CP123456789MA")
    response = post(client, "barid", barid_payload("CP123456789MA", "LIV", date=now()))
    assert response.json() == {"recorded": 1, "duplicates": 0, "unknown": 0}
    parcel.refresh_from_db()
    assert parcel.status == Status.DELIVERED and parcel.tracked_delivered_at
    event = parcel.events.get(event_id="PM-1")
    assert (event.source, event.carrier, event.location) == ("carrier", "barid", "Lyon")
    entry = LedgerEntry.objects.get()
    assert entry.available_on == timezone.localdate() + timezone.timedelta(days=14)


def test_a_replayed_webhook_changes_nothing(client):
    parcel = shipped_parcel("ems", "EE123456789MA")
    payload = barid_payload("EE123456789MA", "LIV", date=now())
    post(client, "barid", payload)
    first = LedgerEntry.objects.get().available_on
    response = post(client, "barid", payload)
    assert response.status_code == 200
    assert response.json() == {"recorded": 0, "duplicates": 1, "unknown": 0}
    assert parcel.events.filter(source="carrier").count() == 1
    assert LedgerEntry.objects.get().available_on == first


@pytest.mark.parametrize("secret", ["", "not-the-secret"])
def test_a_bad_or_missing_signature_is_refused(client, secret):
    parcel = shipped_parcel("ems", "EE123456789MA")
    response = post(client, "barid", barid_payload("EE123456789MA", "LIV", date=now()), secret)
    assert response.status_code == 403
    parcel.refresh_from_db()
    assert parcel.status == Status.SHIPPED
    assert not parcel.events.filter(source="carrier").exists()


def test_a_carrier_without_a_configured_secret_is_refused(client, settings):
    settings.TRACKING_WEBHOOK_SECRETS = {"barid": "", "dhl": SECRETS["dhl"]}
    shipped_parcel("ems", "EE123456789MA")
    body = barid_payload("EE123456789MA", date=now())
    assert post(client, "barid", body, secret="anything").status_code == 403


def test_a_carrier_without_tracking_intake_is_refused(client):
    assert post(client, "aramex", {}, secret="x").status_code == 400


def test_a_payload_of_another_shape_is_400(client):
    assert post(client, "barid", {"shipments": []}).status_code == 400


def test_a_dhl_transit_event_is_recorded_and_a_delivery_delivers(client):
    parcel = shipped_parcel("dhl-express", "JD014600003312345678")
    post(client, "dhl", dhl_payload("JD014600003312345678", "transit", timestamp=now()))
    parcel.refresh_from_db()
    assert parcel.status == Status.SHIPPED
    post(client, "dhl", dhl_payload("JD014600003312345678", "delivered", timestamp=now()))
    parcel.refresh_from_db()
    assert parcel.status == Status.DELIVERED and parcel.tracked_delivered_at
    assert parcel.events.filter(source="carrier").count() == 2


def test_events_of_unknown_parcels_are_counted_and_dropped(client):
    response = post(client, "barid", barid_payload("RR000000000MA", date=now()))
    assert response.json() == {"recorded": 0, "duplicates": 0, "unknown": 1}
    assert not ParcelEvent.objects.filter(source="carrier").exists()


def test_an_event_dated_in_the_future_is_recorded_at_the_time_received(client):
    parcel = shipped_parcel("ems", "EE123456789MA")
    post(client, "barid", barid_payload("EE123456789MA", date="2099-01-01T00:00:00Z"))
    parcel.refresh_from_db()
    assert parcel.tracked_delivered_at <= timezone.now()


def test_the_polling_task_asks_the_carrier_api_and_records_its_events(settings):
    parcel = shipped_parcel("dhl-express", "JD014600003312345678")
    with TrackingStandIn() as api:
        settings.TRACKING_API_URLS = {"barid": "", "dhl": f"{api.url}/track/{{number}}"}
        settings.TRACKING_API_KEYS = {"dhl": "dhl-api-key"}
        api.bodies["JD014600003312345678"] = dhl_payload("JD014600003312345678", timestamp=now())
        assert poll_tracking.delay().get() == 1
        assert poll_tracking.delay().get() == 0  # delivered by tracking: no longer polled
    parcel.refresh_from_db()
    assert parcel.status == Status.DELIVERED and parcel.tracked_delivered_at
    assert api.requests[0]["path"] == "/track/JD014600003312345678"
    assert api.requests[0]["headers"]["dhl-api-key"] == "dhl-api-key"
    assert parcel.events.filter(source="carrier").count() == 1


def test_polling_an_api_that_does_not_know_the_parcel_changes_nothing(settings):
    parcel = shipped_parcel("ems", "EE123456789MA")
    with TrackingStandIn() as api:
        settings.TRACKING_API_URLS = {"barid": f"{api.url}/track/{{number}}", "dhl": ""}
        poll_tracking.delay()
    parcel.refresh_from_db()
    assert parcel.status == Status.SHIPPED
    assert len(api.requests) == 1
