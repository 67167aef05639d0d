"""The health endpoint reports each production part and fails loudly when one is down."""

import pytest
from django.core.files.storage import storages


@pytest.mark.django_db
def test_health_reports_every_part(client):
    response = client.get("/health/")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"database", "cache", "storage", "broker"}
    assert all(part["ok"] for part in body["checks"].values())


@pytest.mark.django_db
def test_health_names_the_database_vendor(client, settings):
    vendor = "postgresql" if settings.USES_POSTGRES else "sqlite"
    assert client.get("/health/").json()["checks"]["database"]["vendor"] == vendor


@pytest.mark.django_db
def test_health_is_503_when_storage_fails(client, monkeypatch):
    def broken_save(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(type(storages["default"]), "save", broken_save)
    response = client.get("/health/")
    assert response.status_code == 503
    storage = response.json()["checks"]["storage"]
    assert storage == {"ok": False, "error": "OSError: disk full"}


@pytest.mark.django_db
def test_health_is_503_when_cache_loses_writes(client, monkeypatch):
    from django.core.cache import cache

    monkeypatch.setattr(cache, "get", lambda *args, **kwargs: None)
    response = client.get("/health/")
    assert response.status_code == 503
    assert response.json()["checks"]["cache"]["ok"] is False


@pytest.mark.django_db
def test_health_is_never_cached(client):
    assert "no-cache" in client.get("/health/")["Cache-Control"]
