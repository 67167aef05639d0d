"""The selling rule exists in SQL (``selling_q``: ``sellable()``, ``Partner.objects.selling()``,
the search rows) and in Python (``Partner.can_sell``, ``Product.is_sellable``: the strategy):
every seller status crossed with every card state and with no photo or one gives the same answer
in each; and ``purchasable()`` counts stock allocated to orders and held by other buyers'
payments."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.utils import timezone
from oscar.core.loading import get_class, get_model

from catalog.search import engine
from marketplace.payments.models import CheckoutPayment, StockReservation
from tests.factories.catalogue import ProductFactory, SellerFactory
from tests.support.dates import days_from_today, today

Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")
Basket = get_model("basket", "Basket")
Selector = get_class("partner.strategy", "Selector")

CARDS = {
    "no card": None,
    "expired yesterday": -1,
    "expires today": 0,
    "expires tomorrow": 1,
}
CASES = [
    (status, card, photos)
    for status in Partner.Status.values
    for card in CARDS
    for photos in (0, 1)
]


@pytest.mark.django_db
@pytest.mark.parametrize(("status", "card", "photos"), CASES)
def test_sql_and_python_faces_of_the_selling_rule_agree(status, card, photos):
    expires_on = None if CARDS[card] is None else days_from_today(CARDS[card])
    seller = SellerFactory(status=status, card_expires_on=expires_on)
    product = ProductFactory(stockrecord__seller=seller, image=None if photos else False)
    seller_may_sell = status == Partner.Status.VERIFIED and card != "expired yesterday"
    expected = seller_may_sell and photos > 0
    assert seller.can_sell is seller_may_sell
    assert Partner.objects.selling().filter(pk=seller.pk).exists() is seller_may_sell
    assert Product.objects.get(pk=product.pk).is_sellable is expected
    assert Product.objects.sellable().filter(pk=product.pk).exists() is expected
    assert search_rows_list(product) is expected
    record = Selector().strategy().fetch_for_product(Product.objects.get(pk=product.pk)).stockrecord
    assert (record is not None) is expected


def search_rows_list(product):
    """Whether the lists read from the search documents hold the product."""
    if connection.vendor != "postgresql":
        return Product.objects.sellable().filter(pk=product.pk).exists()
    rows = engine.listed_rows("product_id = %s", [product.pk])
    return len(rows) == 1


def _reserve(product, quantity, minutes=30, state=StockReservation.State.ACTIVE):
    payment = CheckoutPayment.objects.create(
        basket=Basket.objects.create(),
        order_number=f"R{StockReservation.objects.count() + 1}",
        email="buyer@example.com",
        language="en",
        shipping_address={},
        shipping_method_code="parcels",
        shipping_mad=Decimal("0"),
        total_mad=Decimal("100"),
        currency="EUR",
        rate=Decimal("0.0925"),
        rate_date=today(),
        amount=Decimal("9.25"),
    )
    return StockReservation.objects.create(
        payment=payment,
        stockrecord=product.stockrecords.get(),
        quantity=quantity,
        state=state,
        expires_at=timezone.now() + datetime.timedelta(minutes=minutes),
    )


def _purchasable(product):
    return Product.objects.purchasable().filter(pk=product.pk).exists()


@pytest.mark.django_db
def test_a_unique_piece_in_another_buyers_payment_is_not_purchasable():
    piece = ProductFactory(stockrecord__num_in_stock=1)
    assert _purchasable(piece)
    _reserve(piece, 1)
    assert not _purchasable(piece)


@pytest.mark.django_db
def test_an_expired_or_released_reservation_holds_nothing():
    piece = ProductFactory(stockrecord__num_in_stock=1)
    _reserve(piece, 1, minutes=-1)
    _reserve(piece, 1, state=StockReservation.State.RELEASED)
    assert _purchasable(piece)


@pytest.mark.django_db
def test_allocated_and_held_units_add_up():
    piece = ProductFactory(stockrecord__num_in_stock=3, stockrecord__num_allocated=1)
    _reserve(piece, 1)
    assert _purchasable(piece)
    _reserve(piece, 1)
    assert not _purchasable(piece)
