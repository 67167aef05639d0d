"""The countries a buyer may pick as destination: every country an active service reaches."""

from marketplace.core.countries import country_choices as sorted_country_choices
from shipping.services import served_countries


def country_choices():
    """(code, localised name) of every served country, sorted as the page language sorts."""
    return sorted_country_choices(served_countries())
