"""The Stripe client (official SDK, pinned API version); localstripe when no key is set."""

from django.conf import settings
from stripe import StripeClient


def stripe_client():
    options = {"stripe_version": settings.STRIPE_API_VERSION, "max_network_retries": 0}
    if settings.STRIPE_API_BASE:
        options["base_addresses"] = {
            "api": settings.STRIPE_API_BASE,
            "files": settings.STRIPE_API_BASE,
        }
    return StripeClient(settings.STRIPE_SECRET_KEY, **options)
