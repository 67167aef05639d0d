"""What the browser tests share: Debian chromium and how it is launched, the phone viewport, the
marks of a browser test, and a signed-in session cookie to hand to the browser."""

import os
import shutil

import pytest
from django.conf import settings
from django.test import Client

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
PHONE = {"width": 390, "height": 844}

# A browser test: skipped where Debian chromium is missing (never in CI).
BROWSER = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not os.path.exists(CHROMIUM) and not os.environ.get("CI"),
        reason="Debian chromium is not installed (apt-get install chromium)",
    ),
]
# ... on a live server's database (transactions committed, the serialized data restored after).
BROWSER_TEST = [*BROWSER, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def session_cookie(user):
    """The session key of ``user`` signed in, for the browser's session cookie."""
    client = Client()
    client.force_login(user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value
