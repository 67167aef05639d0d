"""A stand-in for a carrier's tracking API: a threaded ``http.server`` on a free port (the OS
picks it) answering ``GET /track/<number>`` with the JSON body set for that number, and
keeping the requests it received (path, and headers by lower-case name) for the test to check."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class TrackingStandIn:
    def __init__(self):
        self.bodies = {}
        self.requests = []
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (http.server's naming)
                stand_in.requests.append(
                    {"path": self.path, "headers": {k.lower(): v for k, v in self.headers.items()}}
                )
                number = self.path.rstrip("/").rsplit("/", 1)[-1]
                if number not in stand_in.bodies:
                    self.send_error(404)
                    return
                body = json.dumps(stand_in.bodies[number]).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self):
        host, port = self.server.server_address
        return f"http://{host}:{port}"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
