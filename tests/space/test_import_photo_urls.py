"""Photos by address (the CSV's photo_urls column): fetched by the task from a local server, with
the size cap, the timeout, no redirect, public addresses only, and the one upload check."""

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from oscar.core.loading import get_model

from tests.factories.catalogue import (
    MaterialFactory,
    RegionFactory,
    SellerFactory,
    TechniqueFactory,
    rug_craft,
)
from tests.factories.uploads import image_bytes
from tests.factories.users import member_of
from tests.space.test_csv_import import csv_file, job_of, row

pytestmark = pytest.mark.django_db

StockRecord = get_model("partner", "StockRecord")


class PhotoServer:
    """``GET /<name>``: the bytes set for that name; ``/slow``: a byte a second; ``/moved``:
    a redirect. Keeps the paths asked for."""

    def __init__(self):
        self.files, self.asked = {}, []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (http.server's naming)
                server.asked.append(self.path)
                name = self.path.lstrip("/")
                if name == "moved":
                    self.send_response(302)
                    self.send_header("Location", "/a.jpg")
                    self.end_headers()
                    return
                if name == "slow":
                    self.send_response(200)
                    self.end_headers()
                    for _ in range(30):
                        self.wfile.write(b"\xff")
                        self.wfile.flush()
                        time.sleep(0.1)
                    return
                if name not in server.files:
                    self.send_error(404)
                    return
                body = server.files[name]
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def url(self, name):
        host, port = self.httpd.server_address
        return f"http://{host}:{port}/{name}"


@pytest.fixture
def photo_server(settings):
    settings.SELLER_IMPORT_URL_SCHEMES = ["https", "http"]
    settings.SELLER_IMPORT_URL_ALLOW_PRIVATE = True
    server = PhotoServer()
    yield server
    server.httpd.shutdown()
    server.httpd.server_close()


@pytest.fixture
def member(client):
    rug_craft()
    RegionFactory()
    MaterialFactory()
    TechniqueFactory()
    client.force_login(member_of(SellerFactory()))
    return client


def lines(job):
    return {p.name: (p.outcome, p.reason) for p in job.photo_files.all()}


def widths():
    product = StockRecord.objects.get().product
    return [image.original.width for image in product.images.order_by("display_order")]


def test_photos_by_address_are_fetched_in_their_order(member, send, photo_server):
    photo_server.files = {"a.jpg": image_bytes(size=(10, 10)), "b.png": image_bytes("PNG")}
    urls = f"{photo_server.url('a.jpg')} | {photo_server.url('b.png')}"
    job = job_of(send(member, csv_file([row(sku="R1", photo_urls=urls)])))
    assert widths() == [10, 40]
    assert {outcome for outcome, _reason in lines(job).values()} == {"added"}


def test_a_photo_over_the_size_limit_is_refused(member, send, photo_server, settings):
    settings.SELLER_PHOTO_MAX_BYTES = 100
    photo_server.files = {"a.jpg": image_bytes()}
    job = job_of(send(member, csv_file([row(photo_urls=photo_server.url("a.jpg"))])))
    assert lines(job)[photo_server.url("a.jpg")][0] == "refused"
    assert widths() == []


def test_a_slow_server_is_given_up_after_the_timeout(member, send, photo_server, settings):
    settings.SELLER_IMPORT_URL_TIMEOUT = 1
    started = time.monotonic()
    job = job_of(send(member, csv_file([row(photo_urls=photo_server.url("slow"))])))
    assert time.monotonic() - started < 3
    assert lines(job) == {
        photo_server.url("slow"): ("refused", "The photo took too long to download.")
    }
    assert job.rows.get().outcome == "created"


def test_a_redirect_is_not_followed(member, send, photo_server):
    photo_server.files = {"a.jpg": image_bytes()}
    job = job_of(send(member, csv_file([row(photo_urls=photo_server.url("moved"))])))
    assert lines(job)[photo_server.url("moved")] == (
        "refused",
        "The address answered 302 instead of a photo.",
    )
    assert photo_server.asked == ["/moved"]


def test_a_page_that_is_not_a_picture_is_refused(member, send, photo_server):
    photo_server.files = {"a.jpg": b"<html><script>alert(1)</script></html>"}
    job = job_of(send(member, csv_file([row(photo_urls=photo_server.url("a.jpg"))])))
    outcome, reason = lines(job)[photo_server.url("a.jpg")]
    assert outcome == "refused" and "JPEG, PNG, WebP" in reason


def test_the_marketplaces_own_network_is_never_fetched(member, send, photo_server, settings):
    settings.SELLER_IMPORT_URL_ALLOW_PRIVATE = False
    photo_server.files = {"a.jpg": image_bytes()}
    url = photo_server.url("a.jpg")
    job = job_of(send(member, csv_file([row(photo_urls=url)])))
    refused = "This address is not on the public internet: it is refused."
    assert lines(job) == {url: ("refused", refused)}
    assert photo_server.asked == []


def test_plain_http_is_refused_by_default(member, send, photo_server, settings):
    settings.SELLER_IMPORT_URL_SCHEMES = ["https"]
    url = photo_server.url("a.jpg")
    job = job_of(send(member, csv_file([row(photo_urls=url)])))
    assert lines(job) == {url: ("refused", "Give a photo's address starting with https://.")}
    assert photo_server.asked == []


def test_a_row_done_is_not_fetched_again(member, send, photo_server):
    from sellers.space.import_jobs import run_job
    from sellers.space.models import ImportJob

    photo_server.files = {"a.jpg": image_bytes()}
    job = job_of(send(member, csv_file([row(photo_urls=photo_server.url("a.jpg"))])))
    ImportJob.objects.filter(pk=job.pk).update(state="running")
    run_job(job.pk)
    assert photo_server.asked == ["/a.jpg"]
    assert len(widths()) == 1
