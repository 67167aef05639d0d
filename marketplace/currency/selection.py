"""The buyer's display choices: which country they ship to (their cookie, else the region of
their browser's first Accept-Language, en-GB -> GB, else a default by page language) and which
currency they see (their cookie, else their country's, else the site language's).

The anonymous page cache keys on the resolved choices (``page_variant``, registered by the
app), never on the raw cookies or headers: two browsers that resolve to the same country and
currency share a page, two that do not never do.
"""

from django.utils.translation import get_language
from django.utils.translation.trans_real import parse_accept_lang_header

from marketplace.core.countries import DEFAULT_COUNTRY_BY_LANGUAGE, is_country_code
from marketplace.currency.money import BUYER_CURRENCIES
from marketplace.currency.rates import current_rate

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
    by_country = currency_for_country(buyer_country(request))
    if by_country:
        return by_country
    return LANGUAGE_CURRENCY.get((get_language() or "")[:2], DEFAULT_CURRENCY)


def accept_language_region(request):
    """The region of the browser's preferred language ("en-GB,en;q=0.8" -> "GB"), if it names
    a country; None for "fr", "es-419" or no header."""
    header = request.headers.get("accept-language", "") if request is not None else ""
    languages = parse_accept_lang_header(header[:200]) if header else ()
    if not languages:
        return None
    _language, _separator, region = languages[0][0].partition("-")
    region = region.split("-")[-1].upper()
    return region if is_country_code(region) else None


def buyer_country(request):
    """The country the buyer ships to: their choice, else their browser's region, else the
    page language's country."""
    chosen = request.COOKIES.get(COUNTRY_COOKIE, "") if request is not None else ""
    if is_country_code(chosen):
        return chosen
    return accept_language_region(request) or DEFAULT_COUNTRY_BY_LANGUAGE.get(
        (get_language() or "en").split("-")[0], "US"
    )


def page_variant(request):
    """What a cached anonymous page depends on besides its language and path (registered with
    ``marketplace.core.page_cache``): the buyer's country and currency, and whether that
    currency's rate is fresh (prices are marked indicative otherwise)."""
    currency = buyer_currency(request)
    rate = current_rate(currency)
    fresh = rate is not None and rate.is_fresh()
    return f"{buyer_country(request)}|{currency}|{'fresh' if fresh else 'stale'}"
