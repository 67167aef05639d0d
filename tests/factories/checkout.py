"""Checkout and payment: countries, baskets, the walk to the preview page, test cards, and an
order paid at localstripe."""

import html as html_module
import os
import re
import socket
from decimal import Decimal

from django.urls import reverse
from django.utils import translation
from factory.django import DjangoModelFactory
from oscar.core.loading import get_class, get_model

from tests.factories.catalogue import ProductFactory, SellerFactory

Country = get_model("address", "Country")
Order = get_model("order", "Order")


Basket = get_model("basket", "Basket")


Selector = get_class("partner.strategy", "Selector")


TEST_CARD = "4242424242424242"


DECLINED_CARD = "4000000000000341"


# Ports tried for test servers (localstripe): TEST_PORT_RANGE="first-last" moves them.
_FIRST, _LAST = os.environ.get("TEST_PORT_RANGE", "8541-8549").split("-")


PORTS = range(int(_FIRST), int(_LAST) + 1)


class CountryFactory(DjangoModelFactory):
    class Meta:
        model = Country
        django_get_or_create = ("iso_3166_1_a2",)

    iso_3166_1_a2 = "FR"
    iso_3166_1_a3 = "FRA"
    iso_3166_1_numeric = "250"
    name = "France"
    printable_name = "France"
    is_shipping_country = True


def unique_piece(price="1200.00", seller=None, **kwargs):
    seller = seller or SellerFactory()
    return ProductFactory(
        is_unique_piece=True,
        stockrecord__seller=seller,
        stockrecord__price=Decimal(price),
        stockrecord__num_in_stock=1,
        **kwargs,
    )


def basket_with(*products, owner=None):
    basket = Basket.objects.create(owner=owner)
    basket.strategy = Selector().strategy()
    for product in products:
        basket.add_product(product, 1)
    return basket


def free_port(candidates=PORTS):
    for port in candidates:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) != 0:
                return port
    raise RuntimeError("no free port in the checkout range")


ADDRESS = {
    "first_name": "Claire",
    "last_name": "Martin",
    "line1": "12 rue des Arts",
    "line4": "Lyon",
    "postcode": "69001",
    "country": "FR",
    "phone_number": "",
}


def walk_to_preview(
    client,
    products,
    email="claire@example.com",
    guest=True,
    language="en",
    address=None,
    shipping=None,
):
    """Add ``products`` to the basket and go through the checkout up to the preview page.

    ``shipping``: what the shipping step posts (default: the cheapest services, DDP).
    """
    for product in products:
        response = client.post(
            f"/{language}/basket/add/{product.pk}/", {"quantity": 1}, follow=False
        )
        assert response.status_code == 302, response.content[:500]
    if guest:
        response = client.post(
            f"/{language}/checkout/", {"username": email, "options": "anonymous"}
        )
        assert response.status_code == 302, response.content[:2000]
    response = client.post(f"/{language}/checkout/shipping-address/", address or ADDRESS)
    assert response.status_code == 302, response.content[:3000]
    response = client.get(f"/{language}/checkout/shipping-method/")
    assert response.status_code == 200, response.content[:3000]
    response = client.post(
        f"/{language}/checkout/shipping-method/", shipping or {"incoterm": "DDP"}, follow=True
    )
    assert response.status_code == 200
    assert response.redirect_chain, response.content.decode()[:3000]
    assert response.redirect_chain[-1][0].endswith("/checkout/preview/"), response.redirect_chain
    return response


def card_token(number=TEST_CARD):
    """Tokenise a card at Stripe (localstripe), as Stripe.js does in the browser."""
    from marketplace.payments.gateway import stripe_client

    token = stripe_client().v1.tokens.create(
        params={"card": {"number": number, "exp_month": 12, "exp_year": 2030, "cvc": "123"}}
    )
    return token.card.id


def rate_lock_on_preview(client, language="en"):
    """The rate lock the buyer's preview page carries (and its script posts back)."""
    html = client.get(f"/{language}/checkout/preview/").content.decode()
    return html_module.unescape(re.search(r'name="rate_lock" value="([^"]+)"', html).group(1))


def start_payment(client, card=TEST_CARD, language="en"):
    """What the preview page's script does: tokenise the card, post to payment-start."""
    data = {"rate_lock": rate_lock_on_preview(client, language)}
    if card:
        data["payment_method"] = card_token(card)
    with translation.override(language):
        url = reverse("checkout:payment-start")
    return client.post(url, data)


COUNTRIES = {
    "US": ("USA", "840", "United States"),
    "CA": ("CAN", "124", "Canada"),
    "FR": ("FRA", "250", "France"),
    "DE": ("DEU", "276", "Germany"),
    "GB": ("GBR", "826", "United Kingdom"),
    "CH": ("CHE", "756", "Switzerland"),
}


ADDRESSES = {
    "US": {"line1": "12 Harbor Street", "line4": "Boston", "postcode": "02110"},
    "CA": {"line1": "350 Rue Saint-Paul", "line4": "Montréal", "postcode": "H2Y 1H2"},
    "FR": {"line1": "12 rue des Arts", "line4": "Lyon", "postcode": "69001"},
    "DE": {"line1": "Oranienstraße 25", "line4": "Berlin", "postcode": "10999"},
    "GB": {"line1": "221 Camden High Street", "line4": "London", "postcode": "NW1 7BU"},
    "CH": {"line1": "Rue du Rhône 12", "line4": "Genève", "postcode": "1204"},
}


def country(code):
    a3, numeric, name = COUNTRIES[code]
    return CountryFactory(
        iso_3166_1_a2=code,
        iso_3166_1_a3=a3,
        iso_3166_1_numeric=numeric,
        name=name,
        printable_name=name,
    )


def address_in(code):
    country(code)
    return {
        "first_name": "Claire",
        "last_name": "Martin",
        "phone_number": "",
        "country": code,
        **ADDRESSES[code],
    }


def rug_and_lantern():
    """A rug (HS 5701, 2.5 kg, 2400 MAD) from Marrakech and a brass lantern (HS 9405, 1 kg,
    300 MAD) from Fès: two sellers, two parcels."""
    rug = ProductFactory(
        title_en="Beni Ouarain rug",
        stockrecord__seller=SellerFactory(name="Atelier Marrakech", city="Marrakech"),
        stockrecord__price=Decimal("2400.00"),
    )
    lantern = ProductFactory(
        title_en="Brass lantern",
        hs_code="9405",
        weight_kg=Decimal("1"),
        stockrecord__seller=SellerFactory(name="Dinanderie Fès", city="Fès"),
        stockrecord__price=Decimal("300.00"),
    )
    return rug, lantern


def paid_order(client, prices=("1000.00", "333.33"), sellers=None):
    """One order paid at localstripe, each piece from its own seller (or from ``sellers``)."""
    CountryFactory()
    sellers = sellers or [SellerFactory() for _price in prices]
    pairs = zip(prices, sellers, strict=True)
    pieces = [unique_piece(price, seller=seller) for price, seller in pairs]
    walk_to_preview(client, pieces)
    client.get(start_payment(client).json()["return_url"])
    return Order.objects.get()


def pending_payment(basket):
    """A payment in progress for ``basket`` (as ``start_payment`` records it, before Stripe)."""
    from marketplace.payments.models import CheckoutPayment

    total = sum((line.line_price_incl_tax for line in basket.all_lines()), Decimal("0"))
    return CheckoutPayment.objects.create(
        basket=basket,
        order_number=f"1{basket.pk:05d}",
        email="claire.buyer@example.com",
        language="en",
        shipping_address={},
        shipping_method_code="parcels",
        shipping_mad=Decimal("0"),
        total_mad=total,
        currency="MAD",
        rate=Decimal("1"),
        amount=total,
    )
