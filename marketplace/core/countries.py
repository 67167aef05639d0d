"""Country codes: parsing, localised names (Babel's CLDR data), groups such as the EU."""

from babel import Locale
from django.utils.translation import get_language

EU = frozenset(
    "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE".split()
)
GROUPS = {"EU": EU}
# The buyer's country when no cookie says otherwise, by page language. The page language is
# part of the page-cache key, so this default never leaks a cached page across countries.
DEFAULT_COUNTRY_BY_LANGUAGE = {"en": "US", "fr": "FR", "es": "ES", "ar": "AE"}


def parse_country_list(text):
    """'fr, de ;BE' -> ['BE', 'DE', 'FR'] (upper-case, unique, sorted)."""
    codes = {c.strip().upper() for c in text.replace(";", ",").split(",") if c.strip()}
    return sorted(codes)


def is_country_code(code):
    return isinstance(code, str) and len(code) == 2 and code.isalpha() and code.isupper()


def in_destination(country, destination):
    """Whether ``country`` is the rule's destination: a country code or a group (EU)."""
    return country == destination or country in GROUPS.get(destination, ())


def destinations_of(country):
    """The destination codes a rule may use to reach ``country``: itself and its groups."""
    return [country, *[name for name, members in GROUPS.items() if country in members]]


def country_name(code, language=None):
    language = (language or get_language() or "en").split("-")[0]
    try:
        return Locale.parse(language).territories.get(code, code)
    except (ValueError, TypeError):
        return code
