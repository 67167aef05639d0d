"""Business registration numbers: which schemes a country's companies may give, and each
number checked for format and check digits with python-stdnum.

- ``eu_vat`` (EU countries): ``stdnum.eu.vat``, per member state's own check digits; the
  number's country prefix must be the company's (Greece's prefix is EL).
- ``gb_vat`` (United Kingdom): ``stdnum.gb.vat`` (mod 97 check digits, or 9755).
- ``eori`` (EU countries and the UK): country prefix and up to 15 letters or digits. Where the
  EORI carries a number with check digits it is checked too: a GB EORI is GB + 12 digits whose
  first 9 are a VAT number when it ends in 000; a French EORI is FR + a SIRET (Luhn).
- ``us_ein`` (United States): ``stdnum.us.ein`` (9 digits, a known IRS campus prefix; an EIN
  has no check digit).
- ``ca_bn`` (Canada): ``stdnum.ca.bn`` (9 digits with a Luhn check digit, or 15 with the
  program account).

The stored number is the compact form (``FR40303265045``), so one company is one row.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from stdnum.ca import bn as ca_bn
from stdnum.eu import vat as eu_vat
from stdnum.exceptions import InvalidChecksum, InvalidComponent
from stdnum.exceptions import ValidationError as NumberError
from stdnum.fr import siret as fr_siret
from stdnum.gb import vat as gb_vat
from stdnum.us import ein as us_ein

from marketplace.core.countries import EU

SCHEMES = [
    ("eu_vat", _("EU VAT number")),
    ("gb_vat", _("UK VAT number")),
    ("eori", _("EORI number")),
    ("us_ein", _("US Employer Identification Number (EIN)")),
    ("ca_bn", _("Canadian Business Number (BN)")),
]
SCHEME_COUNTRIES = {
    "eu_vat": EU,
    "gb_vat": frozenset({"GB"}),
    "eori": EU | {"GB"},
    "us_ein": frozenset({"US"}),
    "ca_bn": frozenset({"CA"}),
}
COUNTRIES = frozenset().union(*SCHEME_COUNTRIES.values())
VAT_PREFIX = {"GR": "EL"}
EORI = re.compile(r"[A-Z]{2}[A-Z0-9]{1,15}")


def schemes_for(country):
    return [code for code, _label in SCHEMES if country in SCHEME_COUNTRIES[code]]


def _clean(number):
    return re.sub(r"[\s.\-/]", "", number).upper()


def _prefixed(number, prefix):
    """The number with the country prefix added when it starts with no letters of its own."""
    return number if number[:2].isalpha() else prefix + number


def _eu_vat(number, country):
    prefix = VAT_PREFIX.get(country, country)
    compact = eu_vat.validate(_prefixed(_clean(number), prefix))
    if not compact.startswith(prefix):
        raise InvalidComponent()
    return compact


def _gb_vat(number, country):
    compact = gb_vat.compact(number)
    return "GB" + gb_vat.validate(compact[2:] if compact.startswith("GB") else compact)


def _eori(number, country):
    compact = _prefixed(_clean(number), country)
    if not EORI.fullmatch(compact) or compact[:2] != country:
        raise InvalidComponent()
    rest = compact[2:]
    if country == "GB":
        if not re.fullmatch(r"\d{12}", rest):
            raise InvalidComponent()
        if rest.endswith("000"):
            gb_vat.validate(rest[:9])
    elif country == "FR" and rest.isdigit():
        fr_siret.validate(rest)
    return compact


def _us_ein(number, country):
    return us_ein.validate(number)


def _ca_bn(number, country):
    return ca_bn.validate(number)


CHECKS = {"eu_vat": _eu_vat, "gb_vat": _gb_vat, "eori": _eori, "us_ein": _us_ein, "ca_bn": _ca_bn}


def check_number(scheme, country, number):
    """The number's compact form, or ValidationError saying what is wrong, in the user's
    language: a scheme the country does not use, a bad format, or wrong check digits."""
    if country not in SCHEME_COUNTRIES.get(scheme, ()):
        raise ValidationError(
            _("Companies of this country give another kind of number."), code="scheme"
        )
    try:
        return CHECKS[scheme](number, country)
    except InvalidChecksum as error:
        raise ValidationError(
            _("This number's check digits are wrong: look for a typing mistake."),
            code="checksum",
        ) from error
    except NumberError as error:
        raise ValidationError(
            _("This is not the format of this kind of number in this country."), code="format"
        ) from error
