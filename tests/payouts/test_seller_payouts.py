"""The payout ledger: credits, refunds, rounding, balance, statements and their views."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from sellers.payouts.models import LedgerEntry
from sellers.payouts.money import split, to_mad
from sellers.payouts.services import (
    LedgerError,
    balance,
    credit_delivered_line,
    debit_refund,
    release_due_credits,
    statement_csv,
)
from tests.factories.catalogue import SellerFactory
from tests.factories.orders import add_line, order_for, product_of
from tests.factories.users import member_of

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _rates(settings):
    settings.MARKETPLACE_COMMISSION_RATE = "0.12"
    settings.PAYOUT_HOLD_DAYS = 14


@pytest.fixture
def seller():
    return SellerFactory()


def line_of(seller, price="1000.00", quantity=1):
    order = order_for()
    return add_line(order, product_of(seller), quantity=quantity, price=Decimal(price))


@pytest.mark.parametrize(
    ("value", "rounded"),
    [("0.005", "0.01"), ("0.004", "0.00"), ("2.675", "2.68"), ("-0.005", "-0.01")],
)
def test_amounts_round_half_up_to_the_centime(value, rounded):
    assert to_mad(Decimal(value)) == Decimal(rounded)


def test_floats_are_refused():
    with pytest.raises(TypeError):
        to_mad(0.1)


@pytest.mark.parametrize(
    ("gross", "commission", "net"),
    [("100.05", "12.01", "88.04"), ("100.04", "12.00", "88.04"), ("0.01", "0.00", "0.01")],
)
def test_commission_is_rounded_and_the_net_is_the_rest(gross, commission, net):
    assert split(Decimal(gross)) == (Decimal(commission), Decimal(net))


def test_commission_rate_comes_from_the_setting(settings):
    settings.MARKETPLACE_COMMISSION_RATE = "0.20"
    assert split(Decimal("50.00")) == (Decimal("10.00"), Decimal("40.00"))


def test_credit_is_line_amount_minus_commission(seller):
    entry = credit_delivered_line(line_of(seller, "450.00", quantity=2))
    assert (entry.gross, entry.commission, entry.amount, entry.currency) == (
        Decimal("900.00"),
        Decimal("108.00"),
        Decimal("792.00"),
        "MAD",
    )
    assert entry.seller == seller


def test_crediting_twice_writes_one_entry(seller):
    line = line_of(seller)
    assert credit_delivered_line(line) == credit_delivered_line(line)
    assert LedgerEntry.objects.count() == 1


def test_a_delivered_credit_is_available_after_the_hold_period(seller):
    delivered = timezone.now()
    entry = credit_delivered_line(line_of(seller), delivered_at=delivered)
    assert entry.available_on == timezone.localdate(delivered) + datetime.timedelta(days=14)


def test_order_in_another_currency_is_refused(seller):
    line = add_line(order_for(currency="EUR"), product_of(seller))
    with pytest.raises(LedgerError):
        credit_delivered_line(line)


def amount_in_mad_from_a_rate(line):
    return line.line_price_incl_tax * Decimal("10.8")


def test_line_amount_function_is_pluggable(seller, settings):
    settings.PAYOUT_LINE_AMOUNT = f"{__name__}.amount_in_mad_from_a_rate"
    line = add_line(order_for(currency="EUR"), product_of(seller), price=Decimal("100.00"))
    assert credit_delivered_line(line).gross == Decimal("1080.00")


def test_refund_debits_the_sellers_net_share(seller):
    line = line_of(seller)
    entry = debit_refund(line, Decimal("250.00"), "re_1")
    assert (entry.gross, entry.commission, entry.amount) == (
        Decimal("-250.00"),
        Decimal("-30.00"),
        Decimal("-220.00"),
    )


def test_same_refund_twice_writes_one_entry(seller):
    line = line_of(seller)
    debit_refund(line, Decimal("100.00"), "re_1")
    debit_refund(line, Decimal("100.00"), "re_1")
    assert LedgerEntry.objects.count() == 1


def test_refunds_up_to_the_line_amount_are_accepted_and_beyond_refused(seller):
    line = line_of(seller, "100.00")
    debit_refund(line, Decimal("60.00"), "re_1")
    debit_refund(line, Decimal("40.00"), "re_2")
    with pytest.raises(LedgerError):
        debit_refund(line, Decimal("0.01"), "re_3")
    assert LedgerEntry.objects.count() == 2


@pytest.mark.parametrize(("amount", "reference"), [("0", "re_1"), ("-5", "re_1"), ("5", " ")])
def test_refund_needs_a_positive_amount_and_a_reference(seller, amount, reference):
    with pytest.raises(LedgerError):
        debit_refund(line_of(seller), Decimal(amount), reference)


def test_balance_splits_available_and_pending(seller):
    long_ago = timezone.now() - datetime.timedelta(days=30)
    credit_delivered_line(line_of(seller, "100.00"), delivered_at=long_ago)
    credit_delivered_line(line_of(seller, "200.00"))
    release_due_credits()
    figures = balance(seller)
    assert (figures["total"], figures["available"], figures["pending"]) == (
        Decimal("264.00"),
        Decimal("88.00"),
        Decimal("176.00"),
    )


def test_a_refund_is_available_at_once(seller):
    debit_refund(line_of(seller, "100.00"), Decimal("100.00"), "re_1")
    assert balance(seller)["available"] == Decimal("-88.00")


def test_balance_counts_only_the_sellers_entries(seller):
    credit_delivered_line(line_of(SellerFactory()))
    assert balance(seller)["total"] == Decimal("0.00")


def test_statement_covers_the_period_inclusively_and_totals_it(seller):
    inside = credit_delivered_line(line_of(seller, "100.00"))
    outside = credit_delivered_line(line_of(seller, "200.00"))
    today = timezone.localdate()
    LedgerEntry.objects.filter(pk=outside.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=3)
    )
    rows = list(csv.reader(io.StringIO(statement_csv(seller, today, today))))
    assert rows[0][0] == "date"
    assert rows[1][:1] + rows[1][6:8] == ["opening_balance", "176.00", "MAD"]
    assert [r[2] for r in rows[2:-2]] == [inside.order_number]
    assert rows[-2][:1] + rows[-2][6:8] == ["total", "88.00", "MAD"]
    assert rows[-1][:1] + rows[-1][6:8] == ["closing_balance", "264.00", "MAD"]


@pytest.fixture
def member(client, seller):
    client.force_login(member_of(seller))
    return client


def test_payout_page_shows_own_balance_and_entries(member, seller):
    credit_delivered_line(line_of(seller, "100.00"))
    credit_delivered_line(line_of(SellerFactory(), "500.00"))
    response = member.get(reverse("seller_space:payouts"))
    assert [e.seller_id for e in response.context["entries"]] == [seller.pk]
    assert response.context["balance"]["total"] == Decimal("88.00")


def test_statement_download_is_the_sellers_own(member, seller):
    credit_delivered_line(line_of(seller, "100.00"))
    theirs = credit_delivered_line(line_of(SellerFactory(), "500.00"))
    today = timezone.localdate().isoformat()
    response = member.get(reverse("seller_space:statement"), {"date_from": today, "date_to": today})
    assert response["Content-Type"].startswith("text/csv")
    body = response.content.decode()
    assert "88.00" in body
    assert theirs.order_number not in body


@pytest.mark.parametrize(
    ("date_from", "date_to"), [("2026-02-01", "2026-01-31"), ("2025-01-01", "2026-01-03"), ("", "")]
)
def test_statement_refuses_a_bad_period(member, date_from, date_to):
    response = member.get(
        reverse("seller_space:statement"), {"date_from": date_from, "date_to": date_to}
    )
    assert response.status_code == 400


def test_statement_of_a_full_year_is_accepted(member):
    response = member.get(
        reverse("seller_space:statement"), {"date_from": "2025-01-01", "date_to": "2026-01-02"}
    )
    assert response.status_code == 200


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_payout_page_renders_in_arabic_and_french(member, seller, language):
    credit_delivered_line(line_of(seller))
    assert member.get(f"/{language}/my-shop/payouts/").status_code == 200


@pytest.mark.parametrize("rate", ["1", "-0.01"])
def test_commission_rate_outside_zero_to_one_is_refused(settings, rate):
    settings.MARKETPLACE_COMMISSION_RATE = rate
    with pytest.raises(ValueError):
        split(Decimal("10.00"))
