"""Run seed_demo the way ``make run`` does: with DEBUG on (pytest-django turns it off, and
seed_demo refuses to run without it). Only the command sees DEBUG on, not the test's requests."""

from io import StringIO

from django.core.management import call_command
from django.test import override_settings


def seed_demo(**options):
    """Seed with ``options``; return what the command printed."""
    out = StringIO()
    with override_settings(DEBUG=True):
        call_command("seed_demo", verbosity=0, stdout=out, **options)
    return out.getvalue()
