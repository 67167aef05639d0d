"""Validators for a seller's identity and payout details (Moroccan formats)."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.ma import ice

from marketplace.core.numbers import normalize_identifier

RIB_LENGTH = 24
# Law 112.12 on cooperatives: at least five founding members.
MIN_COOPERATIVE_MEMBERS = 5
REGISTER_NUMBER = re.compile(r"^[A-Z0-9][A-Z0-9/\-.]{2,29}$")


def compact(value):
    """The value in Western digits, without the spaces, dots or dashes a person types between
    digit groups."""
    return re.sub(r"[.\-]", "", normalize_identifier(value))


def rib_key(bank, city, account):
    """The two-digit key of a Moroccan RIB (bank 3 + city 3 + account 16 digits).

    The 24-digit RIB is a multiple of 97; equivalently the key is
    97 - ((51 * bank + 89 * city + 3 * account) mod 97), since 10^21, 10^18 and 10^2 are
    51, 89 and 3 modulo 97. (The 89/15/3 weights often quoted are the French 5+5+11 layout.)
    """
    return 97 - ((51 * int(bank) + 89 * int(city) + 3 * int(account)) % 97)


def validate_rib(value):
    """A 24-digit Moroccan RIB whose key matches its bank, city and account digits."""
    rib = compact(value)
    if not (rib.isascii() and rib.isdigit()) or len(rib) != RIB_LENGTH:
        raise ValidationError(
            _("A RIB has exactly 24 digits (bank 3, city 3, account 16, key 2)."),
            code="rib_length",
        )
    if rib_key(rib[:3], rib[3:6], rib[6:22]) != int(rib[22:]):
        raise ValidationError(
            _("This RIB's key does not match its digits: check for a typing error."),
            code="rib_key",
        )


def validate_ice(value):
    """A 15-digit Moroccan company identifier (ICE) with valid control digits."""
    try:
        ice.validate(value)
    except StdnumError as exc:
        raise ValidationError(
            _("Enter a valid ICE: 15 digits, as printed on the company's documents."),
            code="ice",
        ) from exc


def validate_register_number(value):
    """A register or card number: 3 to 30 capital letters, digits, '/', '-' or '.'."""
    if not REGISTER_NUMBER.match(value or ""):
        raise ValidationError(
            _("Use 3 to 30 capital letters, digits, '/', '-' or '.', as on the document."),
            code="register_number",
        )


def validate_cooperative_members(value):
    if value is not None and value < MIN_COOPERATIVE_MEMBERS:
        raise ValidationError(
            ngettext(
                "A cooperative has at least %(minimum)d member (law 112.12).",
                "A cooperative has at least %(minimum)d members (law 112.12).",
                MIN_COOPERATIVE_MEMBERS,
            ),
            code="members",
            params={"minimum": MIN_COOPERATIVE_MEMBERS},
        )


def validate_card_dates(issued_on, expires_on):
    """The card expires after it was issued."""
    if issued_on and expires_on and expires_on <= issued_on:
        raise ValidationError(
            {"card_expires_on": _("The expiry date must come after the issue date.")},
            code="card_dates",
        )


ARABIC_LETTER = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")


def validate_latin_name(value):
    """A name in Latin script (for English, French and Spanish pages and customs papers)."""
    if ARABIC_LETTER.search(value or "") or not re.search(r"[^\W\d_]", value or ""):
        raise ValidationError(
            _(
                "Write this name in Latin letters, as on your export papers "
                "(e.g. Cooperative Tilila)."
            ),
            code="latin_name",
        )


def validate_arabic_name(value):
    """A name in Arabic script (for Arabic pages); Latin letters only are refused."""
    if value and not ARABIC_LETTER.search(value):
        raise ValidationError(
            _("Write this name in Arabic letters, or leave it empty."),
            code="arabic_name",
        )
