"""Helpers for the seller-side flow: a paid order through the real checkout, parcels."""

from oscar.core.loading import get_model

from tests.factories import SellerFactory
from tests.factories_checkout import (
    ADDRESS,
    CountryFactory,
    start_payment,
    unique_piece,
)

Order = get_model("order", "Order")


def reach_preview(client, products, email="claire@example.com"):
    """Guest checkout up to the preview page, picking the cheapest parcels when asked."""
    for product in products:
        assert client.post(f"/en/basket/add/{product.pk}/", {"quantity": 1}).status_code == 302
    client.post("/en/checkout/", {"username": email, "options": "anonymous"})
    assert client.post("/en/checkout/shipping-address/", ADDRESS).status_code == 302
    response = client.get("/en/checkout/shipping-method/", follow=True)
    if not response.redirect_chain:
        client.post("/en/checkout/shipping-method/", {"method_code": "parcels-cheapest"})
    assert client.get("/en/checkout/preview/").status_code == 200


def paid_order(client, prices=("1000.00", "333.33"), sellers=None):
    """One order paid at localstripe, each piece from its own seller (or from ``sellers``)."""
    CountryFactory()
    sellers = sellers or [SellerFactory() for _price in prices]
    pairs = zip(prices, sellers, strict=True)
    pieces = [unique_piece(price, seller=seller) for price, seller in pairs]
    reach_preview(client, pieces)
    client.get(start_payment(client).json()["return_url"])
    return Order.objects.get()
