"""Helpers for the seller-side flow: a paid order through the real checkout, parcels."""

from oscar.core.loading import get_model

from tests.factories import SellerFactory
from tests.factories_checkout import (
    CountryFactory,
    start_payment,
    unique_piece,
    walk_to_preview,
)

Order = get_model("order", "Order")


def paid_order(client, prices=("1000.00", "333.33"), sellers=None):
    """One order paid at localstripe, each piece from its own seller (or from ``sellers``)."""
    CountryFactory()
    sellers = sellers or [SellerFactory() for _price in prices]
    pairs = zip(prices, sellers, strict=True)
    pieces = [unique_piece(price, seller=seller) for price, seller in pairs]
    walk_to_preview(client, pieces)
    client.get(start_payment(client).json()["return_url"])
    return Order.objects.get()
