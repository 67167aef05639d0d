"""The buyer's display choices: which currency they see (their cookie, else their country's,
else the site language's) and which country they ship to (their cookie, else a default by page
language).

The choice must be derivable from what the anonymous page cache keys on (language prefix and
the ``currency``/``country`` cookies), so Accept-Language is not read here: a page cached for one
browser's header would otherwise be served to another's.
"""

from django.utils.translation import get_language

from marketplace.core.countries import DEFAULT_COUNTRY_BY_LANGUAGE, is_country_code
from marketplace.currency.money import BUYER_CURRENCIES

COOKIE_NAME = "currency"
COUNTRY_COOKIE = "country"
COOKIE_MAX_AGE = 365 * 24 * 3600

EURO_COUNTRIES = {
    "AT", "BE", "HR", "CY", "EE", "FI", "FR", "DE", "GR", "IE", "IT", "LV", "LT", "LU", "MT",
    "NL", "PT", "SK", "SI", "ES", "BG", "MC", "AD", "SM", "VA", "ME", "XK",
}  # fmt: skip
COUNTRY_CURRENCY = {"US": "USD", "GB": "GBP", "CA": "CAD", "MA": "MAD"}
LANGUAGE_CURRENCY = {"fr": "EUR", "es": "EUR", "en": "USD", "ar": "MAD"}
DEFAULT_CURRENCY = "EUR"


def currency_for_country(country):
    country = (country or "").upper()
    if country in EURO_COUNTRIES:
        return "EUR"
    return COUNTRY_CURRENCY.get(country)


def buyer_currency(request):
    """The buyer's display and payment currency."""
    chosen = (request.COOKIES.get(COOKIE_NAME) or "").upper()
    if chosen in BUYER_CURRENCIES:
        return chosen
    by_country = currency_for_country(request.COOKIES.get(COUNTRY_COOKIE))
    if by_country:
        return by_country
    return LANGUAGE_CURRENCY.get((get_language() or "")[:2], DEFAULT_CURRENCY)


def buyer_country(request):
    """The country the buyer ships to."""
    chosen = request.COOKIES.get(COUNTRY_COOKIE, "") if request is not None else ""
    if is_country_code(chosen):
        return chosen
    return DEFAULT_COUNTRY_BY_LANGUAGE.get((get_language() or "en").split("-")[0], "US")
