"""Orders: straight rows (``order_for``, the fastest), or placed through Oscar's OrderCreator
from a basket (``place_order``, as the order placement does). An order paid through the real
checkout is ``checkout.paid_order``."""

from decimal import Decimal

import factory
from factory.django import DjangoModelFactory
from oscar.core.loading import get_model
from oscar.test.factories import CountryFactory

from tests.factories.catalogue import ProductFactory

Order = get_model("order", "Order")


Line = get_model("order", "Line")


ShippingAddress = get_model("order", "ShippingAddress")


class ShippingAddressFactory(DjangoModelFactory):
    class Meta:
        model = ShippingAddress

    first_name = "Claire"
    last_name = "Dubois"
    line1 = "12 rue des Tanneurs"
    line4 = "Lyon"
    postcode = "69001"
    phone_number = "+33612345678"
    country = factory.SubFactory(
        CountryFactory, iso_3166_1_a2="FR", printable_name="France", name="France"
    )


class OrderFactory(DjangoModelFactory):
    class Meta:
        model = Order

    number = factory.Sequence(lambda n: f"DM{100000 + n}")
    currency = "MAD"
    total_incl_tax = Decimal("0.00")
    total_excl_tax = Decimal("0.00")
    guest_email = "claire.buyer@example.com"
    shipping_address = factory.SubFactory(ShippingAddressFactory)


def add_line(order, product, quantity=1, price=None):
    """An order line for ``product`` from its seller's stock record."""
    record = product.stockrecords.get()
    unit = price if price is not None else record.price
    total = unit * quantity
    return Line.objects.create(
        order=order,
        partner=record.partner,
        partner_name=record.partner.name,
        partner_sku=record.partner_sku,
        stockrecord=record,
        product=product,
        title=product.title,
        quantity=quantity,
        num_allocated=quantity,
        line_price_incl_tax=total,
        line_price_excl_tax=total,
        line_price_before_discounts_incl_tax=total,
        line_price_before_discounts_excl_tax=total,
        unit_price_incl_tax=unit,
        unit_price_excl_tax=unit,
    )


def order_for(*products, **kwargs):
    """An order with one line per product (products may come from several sellers)."""
    order = OrderFactory(**kwargs)
    for product in products:
        add_line(order, product)
    return order


def product_of(seller, **kwargs):
    return ProductFactory(stockrecord__seller=seller, **kwargs)


def place_order(products_and_quantities, country="US", user=None):
    """An order placed through Oscar's OrderCreator, shipped to ``country``."""
    from oscar.core.loading import get_class
    from oscar.test.factories import create_order

    Basket = get_model("basket", "Basket")
    Country = get_model("address", "Country")
    ShippingAddress = get_model("order", "ShippingAddress")
    Selector = get_class("partner.strategy", "Selector")
    basket = Basket.objects.create()
    basket.strategy = Selector().strategy()
    for product, quantity in products_and_quantities:
        basket.add_product(product, quantity)
    country_row, _ = Country.objects.get_or_create(
        iso_3166_1_a2=country, defaults={"name": country, "printable_name": country}
    )
    address = ShippingAddress.objects.create(
        first_name="Jane",
        last_name="Buyer",
        line1="12 Harbor Street",
        line4="Boston",
        postcode="02110",
        country=country_row,
    )
    return create_order(basket=basket, shipping_address=address, user=user)
