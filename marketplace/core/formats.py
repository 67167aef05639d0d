"""Numbers, dates and money as each page language writes them (CLDR data, through Babel).

The one place pages, emails and PDFs format a value for a reader. English uses the British
conventions (4 Dec 2026), the other languages their own; dates carry the month's name, so no
reader takes 4 December for 12 April. Arabic keeps Western digits, as Moroccan readers and
forms use them.
"""

import datetime

from babel.dates import format_date as babel_date
from babel.dates import format_datetime as babel_datetime
from babel.numbers import format_currency, format_decimal, format_percent, get_currency_symbol
from django.utils import timezone
from django.utils.translation import get_language

LOCALES = {"en": "en_GB", "fr": "fr_FR", "ar": "ar_MA", "es": "es_ES"}
RTL_LANGUAGES = {"ar"}
# The symbols Arabic-reading buyers know from prices and bank cards, in place of CLDR's
# Arabic ones (UK£ for the pound); the dirham keeps its CLDR abbreviation (د.م.).
SYMBOLS = {"ar": {"GBP": "£", "EUR": "€", "USD": "US$", "CAD": "CA$"}}


def language_code(language=None):
    """``language`` (else the active one) without its region: "fr" for "fr-FR"."""
    return (language or get_language() or "en").split("-")[0]


def locale(language=None):
    """The CLDR locale of ``language`` (else the active one)."""
    return LOCALES.get(language_code(language), LOCALES["en"])


def is_rtl(language=None):
    return language_code(language) in RTL_LANGUAGES


def format_date(value, language=None, length="medium"):
    """4 Dec 2026, 4 déc. 2026, 4 dic 2026, 04/12/2026 in Arabic (length: short, medium, long)."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return babel_date(value, length, locale=locale(language))


def format_datetime(value, language=None, length="medium"):
    if value is None:
        return ""
    value = timezone.localtime(value) if timezone.is_aware(value) else value
    return babel_datetime(value, length, locale=locale(language))


def format_number(value, language=None, decimals=None):
    """1,234.5 / 1 234,5 / 1.234,5; ``decimals`` fixes the digits after the separator."""
    if value is None:
        return ""
    if decimals is None:
        return format_decimal(value, locale=locale(language))
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=locale(language))


def format_money(amount, currency, language=None):
    """An amount with its currency, as the reader's language writes it (two decimals)."""
    if amount is None:
        return ""
    cldr = locale(language)
    text = format_currency(amount, currency, locale=cldr)
    symbol = SYMBOLS.get(language_code(language), {}).get(currency)
    if symbol:
        text = text.replace(get_currency_symbol(currency, locale=cldr), symbol, 1)
    return text


def currency_symbol(currency, language=None):
    """The symbol ``format_money`` writes for ``currency`` in ``language``."""
    symbol = SYMBOLS.get(language_code(language), {}).get(currency)
    return symbol or get_currency_symbol(currency, locale=locale(language))


def format_rate(value, language=None):
    """A percentage (0.2 -> 20 %, 20 %, 20 %, ٪20 as the locale writes it)."""
    return format_percent(value, locale=locale(language))
