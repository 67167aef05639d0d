"""Media and private documents on S3 through django-storages, against a local moto server."""

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import boto3
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages

BUCKET = "marketplace-media"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def moto_endpoint():
    port = free_port()
    server = Path(sys.executable).parent / "moto_server"
    process = subprocess.Popen(
        [str(server), "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    endpoint = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(endpoint, timeout=1)
            break
        except OSError:
            time.sleep(0.2)
    else:
        process.kill()
        pytest.fail("moto_server did not start")
    yield endpoint
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture
def s3_settings(settings, moto_endpoint, monkeypatch):
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    client = boto3.client(
        "s3",
        endpoint_url=moto_endpoint,
        region_name="eu-west-3",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )
    existing = [b["Name"] for b in client.list_buckets()["Buckets"]]
    if BUCKET not in existing:
        client.create_bucket(
            Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-west-3"}
        )
    options = {
        "bucket_name": BUCKET,
        "endpoint_url": moto_endpoint,
        "region_name": "eu-west-3",
        "addressing_style": "path",
        "signature_version": "s3v4",
        "file_overwrite": False,
    }
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {**options, "querystring_auth": False},
        },
        "private": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                **options,
                "location": "private",
                "querystring_auth": True,
                "querystring_expire": 300,
                "default_acl": "private",
            },
        },
    }
    return client


@pytest.mark.django_db
def test_media_files_are_written_to_the_bucket(s3_settings):
    name = storages["default"].save("images/piece.jpg", ContentFile(b"jpeg bytes"))
    body = s3_settings.get_object(Bucket=BUCKET, Key=name)["Body"].read()
    assert body == b"jpeg bytes"


@pytest.mark.django_db
def test_private_documents_get_short_lived_signed_links(s3_settings):
    storage = storages["private"]
    name = storage.save("cards/card.pdf", ContentFile(b"%PDF-1.7"))
    query = parse_qs(urlparse(storage.url(name)).query)
    assert query["X-Amz-Expires"] == ["300"]
    assert "X-Amz-Signature" in query
    assert s3_settings.head_object(Bucket=BUCKET, Key=f"private/{name}")


@pytest.mark.django_db
def test_health_reports_s3_storage(client, s3_settings):
    storage = client.get("/health/").json()["checks"]["storage"]
    assert storage == {"ok": True, "backend": "S3Storage"}
