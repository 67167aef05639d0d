"""The countries a buyer may pick as destination: every country an active service reaches."""

from django.utils.translation import get_language

from marketplace.core.cache import SHIPPING, versioned
from marketplace.core.countries import country_choices as sorted_country_choices
from shipping.services import served_countries


def country_choices():
    """(code, localised name) of every served country, sorted as the page language sorts
    (every storefront page's header shows them: kept until a shipping table changes)."""
    language = get_language()
    return versioned(
        SHIPPING,
        f"country-choices:{language}",
        lambda: sorted_country_choices(served_countries(), language),
    )
