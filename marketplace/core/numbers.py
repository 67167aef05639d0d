"""What a French, Spanish or Arabic keyboard types, read as the number or identifier meant.

``4,2`` (decimal comma), ``٤٫٢`` (Arabic-Indic digits and the Arabic decimal separator),
``۴٫۲`` (Eastern Arabic-Indic) and ``4.2`` all read as 4.2; grouping (spaces, no-break spaces,
the Arabic thousands separator, and the locale's own group mark) is dropped. Identifiers (RIB,
ICE, NIA, card numbers, HS codes, phone and tracking numbers) get their digits converted and
their spaces removed, before any validation.
"""

import re
from decimal import Decimal, InvalidOperation

DIGITS = str.maketrans(
    "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹",
    "01234567890123456789",
)
ARABIC_DECIMAL = "\u066b"  # ٫
ARABIC_GROUP = "\u066c"  # ٬
SPACES = re.compile(r"[\s\u00a0\u202f\u2009\u200f\u200e\u061c]+")
# Languages that write a decimal comma, where a dot is a group mark only when followed by
# exactly three digits (1.234,5 in Spanish); elsewhere a comma groups and a dot is decimal.
COMMA_DECIMAL = {"fr", "es", "ar"}


class NotANumber(ValueError):
    pass


def western_digits(text):
    """``text`` with Arabic-Indic and Eastern Arabic-Indic digits as 0-9."""
    return (text or "").translate(DIGITS)


def normalize_identifier(text):
    """Digits converted, spaces and directional marks removed (what identifiers compare)."""
    return SPACES.sub("", western_digits(text)).replace(ARABIC_GROUP, "")


def parse_decimal(text, language="en"):
    """The Decimal ``text`` means in ``language``; raises NotANumber."""
    value = SPACES.sub("", western_digits(text)).replace(ARABIC_GROUP, "")
    value = value.replace(ARABIC_DECIMAL, ".")
    if not value or re.search(r"[^0-9.,+-]", value):
        raise NotANumber(text)
    language = (language or "en").split("-")[0]
    if "," in value and "." in value:
        decimal_mark = "," if value.rfind(",") > value.rfind(".") else "."
    elif "," in value:
        decimal_mark = "," if language in COMMA_DECIMAL or not _grouped(value, ",") else ""
    elif "." in value and language in COMMA_DECIMAL and _grouped(value, "."):
        decimal_mark = ""
    else:
        decimal_mark = "."
    group_mark = {",": ".", ".": ",", "": ",."}[decimal_mark]
    for mark in group_mark:
        value = value.replace(mark, "")
    if decimal_mark == ",":
        value = value.replace(",", ".")
    try:
        number = Decimal(value)
    except InvalidOperation as error:
        raise NotANumber(text) from error
    if not number.is_finite():
        raise NotANumber(text)
    return number


def _grouped(value, mark):
    """Whether ``mark`` separates groups of exactly three digits (1,234,567 or 1.234)."""
    whole = value.lstrip("+-")
    parts = whole.split(mark)
    return (
        len(parts) > 1
        and parts[0].isdigit()
        and all(len(part) == 3 and part.isdigit() for part in parts[1:])
    )
