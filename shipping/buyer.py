"""The countries a buyer may pick as destination: every country an active service reaches."""

from marketplace.core.countries import country_name
from shipping.services import served_countries


def country_choices():
    """(code, localised name) of every served country, by name."""
    return sorted(((c, country_name(c)) for c in served_countries()), key=lambda row: row[1])
