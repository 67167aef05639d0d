"""Media and private documents on S3 through django-storages, against a local moto server."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import boto3
import pytest
from botocore.exceptions import ClientError
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.core.files.storage import storages

from marketplace.s3 import s3_storages

BUCKET = "marketplace-media"
PRIVATE_BUCKET = "marketplace-private"


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
    for bucket in (BUCKET, PRIVATE_BUCKET):
        if bucket not in existing:
            client.create_bucket(
                Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": "eu-west-3"}
            )
    settings.STORAGES = {
        **settings.STORAGES,
        **s3_storages(
            bucket=BUCKET,
            private_bucket=PRIVATE_BUCKET,
            endpoint_url=moto_endpoint,
            region="eu-west-3",
            addressing_style="path",
            querystring_expire=300,
        ),
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


@pytest.mark.django_db
def test_private_documents_go_to_the_private_bucket_only(s3_settings):
    name = storages["private"].save("cards/card.pdf", ContentFile(b"%PDF-1.7"))
    assert s3_settings.head_object(Bucket=PRIVATE_BUCKET, Key=f"private/{name}")
    with pytest.raises(ClientError):
        s3_settings.head_object(Bucket=BUCKET, Key=f"private/{name}")


@pytest.mark.parametrize("private_bucket", ["", BUCKET])
def test_s3_without_a_bucket_of_its_own_for_private_documents_is_refused(private_bucket):
    with pytest.raises(ImproperlyConfigured, match="AWS_PRIVATE_BUCKET_NAME"):
        s3_storages(bucket=BUCKET, private_bucket=private_bucket)


@pytest.mark.parametrize("private_bucket", [None, BUCKET])
def test_site_refuses_to_start_with_s3_and_no_private_bucket(private_bucket):
    env = {**os.environ, "AWS_STORAGE_BUCKET_NAME": BUCKET}
    env.pop("AWS_PRIVATE_BUCKET_NAME", None)
    if private_bucket:
        env["AWS_PRIVATE_BUCKET_NAME"] = private_bucket
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=Path(__file__).resolve().parents[2],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "AWS_PRIVATE_BUCKET_NAME" in result.stderr


@pytest.mark.django_db
def test_health_reports_s3_storage(admin_client, s3_settings):
    storage = admin_client.get("/health/").json()["checks"]["storage"]
    assert storage == {"ok": True, "backend": "S3Storage"}


@pytest.mark.django_db
def test_pages_may_show_images_from_the_media_bucket_only(client, s3_settings, moto_endpoint):
    policy = client.get("/en/accounts/login/")["Content-Security-Policy"]
    img_src = next(d for d in policy.split("; ") if d.startswith("img-src "))
    assert img_src.split()[1:] == ["'self'", "data:", moto_endpoint]
