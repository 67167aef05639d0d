"""Serve localstripe (a Stripe stand-in, PyPI) on 127.0.0.1 only, keeping its state in memory.

Its own CLI binds every interface and pickles its store to /tmp; this runs its aiohttp app
directly instead. Used by ``manage.py run_localstripe`` and by the test suite.
"""

import asyncio
import threading


def _app():
    from localstripe import resources
    from localstripe.server import app

    resources.Store.dump_to_disk = lambda self: None
    return app


def serve_forever(port, host="127.0.0.1"):
    import aiohttp.web

    aiohttp.web.run_app(_app(), host=host, port=port, print=None, handle_signals=True)


def start_in_thread(port, host="127.0.0.1"):
    """Start localstripe in a daemon thread; returns once it accepts connections."""
    import aiohttp.web

    ready = threading.Event()

    def run():
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        runner = aiohttp.web.AppRunner(_app())
        loop.run_until_complete(runner.setup())
        loop.run_until_complete(aiohttp.web.TCPSite(runner, host, port).start())
        ready.set()
        loop.run_forever()

    thread = threading.Thread(target=run, name="localstripe", daemon=True)
    thread.start()
    if not ready.wait(15):
        raise RuntimeError("localstripe did not start")
    return thread


def register_webhook(api_base, url, secret, name="marketplace"):
    """Ask localstripe to post its events to ``url``, signed with ``secret``."""
    import urllib.parse
    import urllib.request

    data = urllib.parse.urlencode({"url": url, "secret": secret}).encode()
    request = urllib.request.Request(f"{api_base}/_config/webhooks/{name}", data=data)
    request.add_header("Authorization", "Bearer sk_test_localstripe")
    with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310 (local)
        return response.status
