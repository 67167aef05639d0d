"""Dates in the seller space read as each language writes them (CLDR): never 12/04/2026 for
4 December outside English-US, and the same on every page (issue 16: payouts read 04/12/2026
while other pages read 12/04/2026)."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import translation

from marketplace.core import formats
from sellers.payouts.models import LedgerEntry
from tests.factories.catalogue import SellerFactory
from tests.factories.orders import place_order, product_of
from tests.factories.users import member_of

pytestmark = pytest.mark.django_db

FOURTH_OF_DECEMBER = datetime.datetime(2026, 12, 4, 12, 0, tzinfo=datetime.UTC)
LANGUAGES = ["en", "fr", "ar", "es"]
MONTH_FIRST = ["12/04/2026", "12/4/2026", "12/4/26", "Dec. 4, 2026", "December 4, 2026"]


@pytest.fixture
def seller():
    return SellerFactory()


@pytest.fixture
def member(client, seller):
    client.force_login(member_of(seller))
    return client


def page(client, name, language, *args):
    with translation.override(language):
        return client.get(reverse(f"seller_space:{name}", args=args)).content.decode()


def assert_cldr_date(html, language):
    assert formats.format_date(FOURTH_OF_DECEMBER, language) in html
    for wrong in MONTH_FIRST:
        assert wrong not in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_payout_entries_are_dated_as_the_language_writes_dates(member, seller, language):
    entry = LedgerEntry.objects.create(
        seller=seller,
        kind=LedgerEntry.Kind.CREDIT,
        key="test-credit",
        gross=Decimal("100"),
        commission=Decimal("12"),
        amount=Decimal("88"),
        available_on=FOURTH_OF_DECEMBER.date(),
    )
    LedgerEntry.objects.filter(pk=entry.pk).update(created_at=FOURTH_OF_DECEMBER)
    assert_cldr_date(page(member, "payouts", language), language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_orders_are_dated_as_the_language_writes_dates(member, seller, language):
    order = place_order([(product_of(seller), 1)])
    type(order).objects.filter(pk=order.pk).update(date_placed=FOURTH_OF_DECEMBER)
    assert_cldr_date(page(member, "orders", language), language)
