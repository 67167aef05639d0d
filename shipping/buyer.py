"""The buyer's destination country: the ``country`` cookie, else a default by page language."""

from django.utils.translation import get_language

from shipping.countries import DEFAULT_COUNTRY_BY_LANGUAGE, country_name, is_country_code
from shipping.services import served_countries

COUNTRY_COOKIE = "country"


def buyer_country(request):
    chosen = request.COOKIES.get(COUNTRY_COOKIE, "") if request is not None else ""
    if is_country_code(chosen):
        return chosen
    return DEFAULT_COUNTRY_BY_LANGUAGE.get((get_language() or "en").split("-")[0], "US")


def country_choices():
    """(code, localised name) of every served country, by name."""
    return sorted(((c, country_name(c)) for c in served_countries()), key=lambda row: row[1])
