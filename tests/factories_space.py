"""Factories for the seller space: member accounts, orders with lines from several sellers."""

import io
from decimal import Decimal

import factory
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from factory.django import DjangoModelFactory
from oscar.core.loading import get_model
from oscar.test.factories import CountryFactory
from PIL import Image

from tests.factories import CategoryFactory, ProductFactory, SellerFactory

Order = get_model("order", "Order")
Line = get_model("order", "Line")
ShippingAddress = get_model("order", "ShippingAddress")
Material = get_model("catalogue", "Material")
Technique = get_model("catalogue", "Technique")


class UserFactory(DjangoModelFactory):
    class Meta:
        model = get_user_model()

    username = factory.Sequence(lambda n: f"member{n}")
    email = factory.Sequence(lambda n: f"member{n}@example.com")
    password = factory.PostGenerationMethodCall("set_unusable_password")


def member_of(*sellers):
    """A user account belonging to every seller given."""
    user = UserFactory()
    for seller in sellers:
        seller.users.add(user)
    return user


class MaterialFactory(DjangoModelFactory):
    class Meta:
        model = Material
        django_get_or_create = ("code",)

    code = "wool"
    name_en = "Wool"
    name_fr = "Laine"
    name_ar = "صوف"
    name_es = "Lana"


class TechniqueFactory(DjangoModelFactory):
    class Meta:
        model = Technique
        django_get_or_create = ("code",)

    code = "hand-knotting"
    name_en = "Hand knotting"
    name_fr = "Nouage main"
    name_ar = "عقد يدوي"
    name_es = "Anudado a mano"


def rug_craft():
    return CategoryFactory(name_en="Rugs", slug="rugs", code="rugs", hs_heading="5701")


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


def image_upload(image_format="JPEG", name=None, size=(40, 30)):
    """A real image file of the given Pillow format."""
    buffer = io.BytesIO()
    Image.new("RGB", size, (166, 63, 39)).save(buffer, format=image_format)
    extension = {"JPEG": "jpg"}.get(image_format, image_format.lower())
    return SimpleUploadedFile(name or f"photo.{extension}", buffer.getvalue())


__all__ = [
    "SellerFactory",
    "ProductFactory",
    "UserFactory",
    "member_of",
    "order_for",
    "add_line",
    "product_of",
    "image_upload",
    "rug_craft",
    "MaterialFactory",
    "TechniqueFactory",
]
