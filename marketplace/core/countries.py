"""Country codes: parsing, localised names (Babel's CLDR data), groups such as the EU, lists
sorted as each language sorts (ICU collation) and French country prepositions."""

import functools
import re

import icu
from babel import Locale
from django.utils.translation import get_language

EU = frozenset(
    "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE".split()
)
GROUPS = {"EU": EU}
# The buyer's country when neither a cookie nor the browser's Accept-Language region says it,
# by page language.
DEFAULT_COUNTRY_BY_LANGUAGE = {"en": "US", "fr": "FR", "es": "ES", "ar": "AE"}
COLLATION_LOCALES = {"en": "en_GB", "fr": "fr_FR", "es": "es_ES", "ar": "ar_MA"}


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


def _language(language):
    return (language or get_language() or "en").split("-")[0].lower()


def country_name(code, language=None):
    try:
        return Locale.parse(_language(language)).territories.get(code, code)
    except (ValueError, TypeError):
        return code


@functools.lru_cache(maxsize=16)
def _collator(language):
    return icu.Collator.createInstance(icu.Locale(COLLATION_LOCALES.get(language, language)))


def collation_key(language=None):
    """A sort key for text as ``language`` sorts it (ICU, CLDR's collation rules): in French
    and Spanish "États-Unis" and "Émirats" sort among the E, not after "Zimbabwe"."""
    return _collator(_language(language)).getSortKey


def sorted_by_name(pairs, language=None):
    """``(code, name)`` pairs sorted by name as ``language`` sorts."""
    key = collation_key(language)
    return sorted(pairs, key=lambda pair: key(pair[1]))


def country_choices(codes, language=None):
    """``(code, localised name)`` of ``codes``, sorted as the language sorts."""
    return sorted_by_name(((code, country_name(code, language)) for code in codes), language)


# French: "en France", "au Royaume-Uni", "aux États-Unis", "à Malte". Feminine names (ending in
# -e) and names starting with a vowel take "en", other masculine names "au", plural names "aux",
# islands and city states no article ("à"). The exceptions to those endings are listed.
FRENCH_PLURAL = frozenset(
    "US NL AE PH MV KM SC BS FJ MH SB KY VG VI FO CK TC FK AX UM CC MP PS KI".split()
)
FRENCH_NO_ARTICLE = frozenset(
    "MT CY SG MC CU MG MU BH TW ST KN LC VC AG TT SM MO NR PR JE GG IM HK".split()
)
FRENCH_MASCULINE_E = frozenset("MX KH MZ ZW BZ GB SR".split())
FRENCH_FEMININE = frozenset(["SL"])
FRENCH_SPECIAL = {
    "BB": "à la Barbade",
    "GD": "à la Grenade",
    "DM": "à la Dominique",
    "RE": "à La Réunion",
    "VA": "au Vatican",
    "HN": "au Honduras",
    "HT": "en Haïti",
}
_FIRST_WORD = re.compile(r"[\s\-]")
_VOWELS = "AEIOUYÀÂÄÉÈÊËÎÏÔÖÙÛÜ"


def french_preposition(code, name):
    if code in FRENCH_PLURAL or name.startswith("Îles"):
        return "aux"
    if code in FRENCH_NO_ARTICLE:
        return "à"
    if code in FRENCH_FEMININE or name[:1].upper() in _VOWELS:
        return "en"
    head = _FIRST_WORD.split(name, maxsplit=1)[0]
    if head.endswith("e") and code not in FRENCH_MASCULINE_E:
        return "en"
    return "au"


def to_country(code, language=None):
    """The country after "to"/"in" ("Ships to …", "Deliver to …"): in French with its
    preposition and article ("en France", "au Royaume-Uni", "aux États-Unis"), so the French
    translations read "Livré %(country)s"; in the other languages its name."""
    language = _language(language)
    name = country_name(code, language)
    if language != "fr":
        return name
    return FRENCH_SPECIAL.get(code) or f"{french_preposition(code, name)} {name}"
