"""Dates, numbers and money read as each page language writes them (CLDR, through Babel)."""

import datetime
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation

from marketplace.core import formats

DAY = datetime.date(2026, 12, 4)


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "4 Dec 2026"), ("fr", "4 déc. 2026"), ("es", "4 dic 2026"), ("ar", "04‏/12‏/2026")],
)
def test_a_date_never_reads_month_first_outside_english_us(language, expected):
    assert formats.format_date(DAY, language) == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "1,234.50"), ("fr", "1\u202f234,50"), ("es", "1.234,50"), ("ar", "1.234,50")],
)
def test_numbers_use_the_languages_separators(language, expected):
    assert formats.format_number(Decimal("1234.5"), language, decimals=2) == expected


def test_money_carries_its_currency_in_the_readers_language():
    assert formats.format_money(Decimal("417.15"), "GBP", "en") == "£417.15"
    assert formats.format_money(Decimal("417.15"), "EUR", "fr") == "417,15\u00a0€"


def test_an_aware_datetime_is_shown_on_the_local_day(settings):
    settings.TIME_ZONE = "Africa/Casablanca"
    late = datetime.datetime(2026, 12, 4, 23, 30, tzinfo=datetime.UTC)
    assert formats.format_date(late, "en") == "5 Dec 2026"


def test_template_filters_follow_the_page_language():
    template = Template("{% load formats %}{{ day|cldr_date }} {{ amount|cldr_money:'EUR' }}")
    with translation.override("fr"):
        html = template.render(Context({"day": DAY, "amount": Decimal("12.5")}))
    assert html == "4 déc. 2026 12,50\u00a0€"
