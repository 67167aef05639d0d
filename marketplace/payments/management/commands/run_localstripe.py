"""``manage.py run_localstripe``: the Stripe stand-in for ``make run`` (127.0.0.1 only)."""

import threading
import time
from urllib.parse import urlparse

from django.conf import settings
from django.core.management.base import BaseCommand

from marketplace.payments import localstripe_server


class Command(BaseCommand):
    help = "Serve localstripe on 127.0.0.1 and send its webhooks to this site."

    def add_arguments(self, parser):
        default = urlparse(settings.STRIPE_API_BASE or "http://127.0.0.1:8420").port or 8420
        parser.add_argument("--port", type=int, default=default)
        parser.add_argument(
            "--webhook-url", default=f"{settings.WAGTAILADMIN_BASE_URL}/payments/stripe/webhook/"
        )

    def handle(self, *args, port, webhook_url, **options):
        api_base = f"http://127.0.0.1:{port}"
        threading.Thread(target=self._register, args=(api_base, webhook_url), daemon=True).start()
        self.stdout.write(f"localstripe on {api_base}, webhooks to {webhook_url}")
        localstripe_server.serve_forever(port)

    def _register(self, api_base, webhook_url):
        for _attempt in range(50):
            try:
                localstripe_server.register_webhook(
                    api_base, webhook_url, settings.STRIPE_WEBHOOK_SECRET
                )
                return
            except OSError:
                time.sleep(0.2)
