"""Batch (lot) codes: a certificate may cover only some lots of its products."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from marketplace.core.numbers import western_digits

LOT_CODE = re.compile(r"^[A-Z0-9][A-Z0-9./-]{0,39}$")


def normalise_lot(code):
    """Upper-case, in Western digits (``l-٢٤`` -> ``L-24``); a space inside stays, and is
    refused by ``validate_lot_code``."""
    return western_digits(code).strip().upper()


def parse_lot_codes(text):
    """'l-24, L-25;l-24' -> ['L-24', 'L-25'] (upper-case, unique, sorted)."""
    codes = {normalise_lot(c) for c in (text or "").replace(";", ",").split(",")}
    return sorted(code for code in codes if code)


def validate_lot_code(code):
    if code and not LOT_CODE.match(normalise_lot(code)):
        raise ValidationError(
            _("%(code)s is not a lot code: letters, digits, '.', '/' and '-', up to 40."),
            params={"code": code},
        )


def validate_lot_codes(text):
    for code in parse_lot_codes(text):
        validate_lot_code(code)


def covers_lot(lot_codes, lot):
    """A certificate without lot codes covers every lot; else only the lots it lists."""
    codes = parse_lot_codes(lot_codes)
    return not codes or normalise_lot(lot) in codes
