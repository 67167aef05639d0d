"""A stand-in for Stripe's dispute and file endpoints (localstripe has neither): a threaded
``http.server`` on a free port answering ``GET /v1/disputes/<id>`` with the dispute set for that
id, ``POST /v1/disputes/<id>`` (the evidence update: recorded, merged into the dispute, which
goes under review when ``submit`` is true) and ``POST /v1/files`` (a file id per upload). It
keeps every request (method, path, form fields or multipart parts) for the test to check."""

import datetime
import email.parser
import email.policy
import json
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


def stripe_dispute(dispute_id, intent_id, status="needs_response", amount=10000, **fields):
    """A dispute object as Stripe returns it (amount in minor units)."""
    due = fields.pop("due_by", None) or datetime.datetime.now(datetime.UTC) + datetime.timedelta(
        days=7
    )
    return {
        "id": dispute_id,
        "object": "dispute",
        "amount": amount,
        "currency": fields.pop("currency", "eur"),
        "charge": "ch_" + dispute_id,
        "payment_intent": intent_id,
        "reason": fields.pop("reason", "product_not_received"),
        "status": status,
        "evidence": {},
        "evidence_details": {"due_by": int(due.timestamp()), "submission_count": 0},
        "created": int(time.time()),
        **fields,
    }


def dispute_event(event_id, event_type, dispute_id):
    return {
        "id": event_id,
        "object": "event",
        "type": event_type,
        "api_version": "2026-10-28.endive",
        "created": int(time.time()),
        "data": {"object": {"id": dispute_id, "object": "dispute"}},
    }


def _form(body):
    """Stripe's form encoding (``evidence[shipping_carrier]=...``) as a flat dict."""
    return {key: values[-1] for key, values in urllib.parse.parse_qs(body.decode()).items()}


def _multipart(content_type, body):
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
        f"Content-Type: {content_type}\r\n\r\n".encode() + body
    )
    return {
        part.get_param("name", header="content-disposition"): part.get_payload(decode=True)
        for part in message.iter_parts()
    }


class StripeDisputesStandIn:
    def __init__(self):
        self.disputes = {}
        self.requests = []
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            def _reply(self, status, payload):
                body = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def _dispute(self):
                dispute_id = self.path.rstrip("/").rsplit("/", 1)[-1]
                if not self.path.startswith("/v1/disputes/") or dispute_id not in stand_in.disputes:
                    self._reply(
                        404,
                        {"error": {"type": "invalid_request_error", "message": "No such dispute"}},
                    )
                    return None
                return stand_in.disputes[dispute_id]

            def do_GET(self):  # noqa: N802 (http.server's naming)
                stand_in.requests.append({"method": "GET", "path": self.path})
                dispute = self._dispute()
                if dispute is not None:
                    self._reply(200, dispute)

            def do_POST(self):  # noqa: N802
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                content_type = self.headers.get("Content-Type", "")
                if self.path == "/v1/files":
                    parts = _multipart(content_type, body)
                    file_id = f"file_{len(stand_in.requests) + 1}"
                    stand_in.requests.append({"method": "POST", "path": self.path, "parts": parts})
                    self._reply(
                        200, {"id": file_id, "object": "file", "purpose": "dispute_evidence"}
                    )
                    return
                form = _form(body)
                stand_in.requests.append({"method": "POST", "path": self.path, "form": form})
                dispute = self._dispute()
                if dispute is None:
                    return
                for key, value in form.items():
                    if key.startswith("evidence["):
                        dispute["evidence"][key[len("evidence[") : -1]] = value
                if form.get("submit") == "true":
                    dispute["status"] = "under_review"
                self._reply(200, dispute)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self):
        host, port = self.server.server_address
        return f"http://{host}:{port}"

    def posts(self, path_prefix):
        return [
            r for r in self.requests if r["method"] == "POST" and r["path"].startswith(path_prefix)
        ]

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def stripe_stand_in(settings):
    """The stand-in, as the Stripe API for the test."""
    with StripeDisputesStandIn() as stand_in:
        settings.STRIPE_API_BASE = stand_in.url
        yield stand_in


def post_event(client, payload):
    """``payload`` to the Stripe webhook, signed with the webhook secret."""
    from django.conf import settings

    from tests.support.payments import signed_event

    body, signature = signed_event(payload, settings.STRIPE_WEBHOOK_SECRET)
    return client.post(
        "/payments/stripe/webhook/",
        body,
        content_type="application/json",
        HTTP_STRIPE_SIGNATURE=signature,
    )
