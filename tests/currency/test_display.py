"""``MoneyDisplay``: a MAD amount in the buyer's currency at one rate, as the page language
writes it, and the MAD reference beside it (none when the buyer sees MAD)."""

import datetime
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.template import Context, Template
from django.utils import translation

from marketplace.currency.display import MAD, MoneyDisplay, for_payment

POUNDS = MoneyDisplay("GBP", Decimal("0.082"), datetime.date(2026, 12, 4), locked=True)


def test_an_amount_is_converted_and_rounded_half_up_then_written_in_the_page_language():
    assert POUNDS.show(Decimal("417.15")) == "£34.21"  # 34.2063
    with translation.override("fr"):
        assert POUNDS.show(Decimal("417.15")) == "34,21\u00a0£GB"


def test_the_mad_reference_is_the_amount_in_dirhams():
    assert POUNDS.reference(Decimal("1417.15")) == "1,417.15\u00a0MAD"
    with translation.override("fr"):
        assert POUNDS.reference("1417.15") == "1\u202f417,15\u00a0MAD"


def test_a_buyer_seeing_dirhams_gets_no_second_amount():
    assert MAD.show(Decimal("417.15")) == "MAD417.15"  # CLDR's English pattern
    assert MAD.reference(Decimal("417.15")) == ""


def test_no_amount_shows_nothing():
    assert POUNDS.show(None) == "" and POUNDS.reference(None) == ""


def test_a_placed_order_is_shown_at_its_payments_rate():
    payment = SimpleNamespace(currency="GBP", rate=Decimal("0.082"), rate_date=None)
    assert for_payment(payment).show(Decimal("100")) == "£8.20"
    assert for_payment(None) == MAD


def test_the_template_tag_uses_the_contexts_display():
    template = Template(
        "{% load currency_tags %}{% buyer_money amount %}|{% mad_reference amount %}"
    )
    rendered = template.render(Context({"amount": Decimal("100"), "money_display": POUNDS}))
    assert rendered == "£8.20|100.00\u00a0MAD"


@pytest.mark.parametrize(
    "currency,rate,symbol",
    [("GBP", "0.082", "£"), ("EUR", "0.0925", "€"), ("USD", "0.108", "US$"), ("MAD", "1", "د.م.")],
)
def test_an_arabic_page_writes_the_symbol_buyers_know_kept_together_right_to_left(
    currency, rate, symbol
):
    display = MoneyDisplay(currency, Decimal(rate))
    with translation.override("ar"):
        shown = display.show(Decimal("100"))
    amount = f"{Decimal('100') * Decimal(rate):.2f}".replace(".", ",")
    # CLDR's Arabic order (amount, then symbol, after a right-to-left mark), in an isolate.
    assert (
        shown
        == f"\u2068\u200f{amount}\u00a0{symbol}"
        + ("\u200f" if currency == "MAD" else "")
        + "\u2069"
    )
    assert "UK£" not in shown


def test_the_arabic_mad_reference_is_isolated_too():
    with translation.override("ar"):
        assert POUNDS.reference(Decimal("417.15")) == "\u2068417,15\u00a0MAD\u2069"


def test_left_to_right_pages_get_no_isolate():
    for language in ("en", "fr", "es"):
        with translation.override(language):
            assert "\u2068" not in POUNDS.show(Decimal("417.15"))
