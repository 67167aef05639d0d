"""The health endpoint reports each production part and fails loudly when one is down.

Anyone sees whether the site is healthy; only staff and a monitor holding HEALTH_TOKEN see
which backends run and how a part failed.
"""

import pytest
from django.core.files.storage import storages

from tests.factories.users import UserFactory

TOKEN = "health-monitor-token-0123456789"


@pytest.fixture
def monitor(settings):
    settings.HEALTH_TOKEN = TOKEN
    return {"HTTP_AUTHORIZATION": f"Bearer {TOKEN}"}


@pytest.mark.django_db
def test_health_reports_every_part(admin_client):
    response = admin_client.get("/health/")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"database", "cache", "storage", "broker"}
    assert all(part["ok"] for part in body["checks"].values())


@pytest.mark.django_db
def test_health_names_the_database_vendor(admin_client, settings):
    vendor = "postgresql" if settings.USES_POSTGRES else "sqlite"
    assert admin_client.get("/health/").json()["checks"]["database"]["vendor"] == vendor


@pytest.mark.django_db
def test_health_is_503_when_storage_fails(admin_client, monkeypatch):
    def broken_save(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(type(storages["default"]), "save", broken_save)
    response = admin_client.get("/health/")
    assert response.status_code == 503
    storage = response.json()["checks"]["storage"]
    assert storage == {"ok": False, "error": "OSError: disk full"}


@pytest.mark.django_db
def test_health_is_503_when_cache_loses_writes(client, monitor, monkeypatch):
    from django.core.cache import cache

    monkeypatch.setattr(cache, "get", lambda *args, **kwargs: None)
    response = client.get("/health/", **monitor)
    assert response.status_code == 503
    assert response.json()["checks"]["cache"]["ok"] is False


@pytest.mark.django_db
def test_health_is_never_cached(client):
    assert "no-cache" in client.get("/health/")["Cache-Control"]


@pytest.mark.django_db
def test_anonymous_caller_gets_only_the_status(client):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


@pytest.mark.django_db
def test_anonymous_caller_is_not_told_how_a_part_failed(client, monkeypatch):
    def broken_save(*args, **kwargs):
        raise OSError("disk full at /srv/media")

    monkeypatch.setattr(type(storages["default"]), "save", broken_save)
    response = client.get("/health/")
    assert response.status_code == 503
    assert response.json() == {"status": "error"}


@pytest.mark.django_db
def test_signed_in_customer_gets_only_the_status(client):
    client.force_login(UserFactory())
    assert client.get("/health/").json() == {"status": "ok"}


@pytest.mark.django_db
def test_monitor_with_the_token_sees_the_backends(client, monitor):
    body = client.get("/health/", **monitor).json()
    assert set(body["checks"]) == {"database", "cache", "storage", "broker"}
    assert body["checks"]["cache"]["backend"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "authorization",
    [f"Bearer {TOKEN}x", f"Bearer {TOKEN[:-1]}", TOKEN, f"Basic {TOKEN}", "Bearer ", ""],
)
def test_a_wrong_token_gets_only_the_status(client, monitor, authorization):
    body = client.get("/health/", HTTP_AUTHORIZATION=authorization).json()
    assert body == {"status": "ok"}


@pytest.mark.django_db
def test_no_token_is_accepted_when_none_is_configured(client, settings):
    settings.HEALTH_TOKEN = ""
    assert client.get("/health/", HTTP_AUTHORIZATION="Bearer ").json() == {"status": "ok"}
