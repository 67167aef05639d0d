"""Factories for shipping, parcels, certificates and export profiles."""

import datetime
from decimal import Decimal

import factory
from django.core.files.base import ContentFile
from django.utils import timezone
from factory.django import DjangoModelFactory
from oscar.core.loading import get_model

from tests.factories import ProductFactory, SellerFactory  # noqa: F401
from tests.factories_uploads import PDF_BYTES

Carrier = get_model("shipping", "Carrier")
Service = get_model("shipping", "Service")
Zone = get_model("shipping", "Zone")
Rate = get_model("shipping", "Rate")
Parcel = get_model("fulfilment", "Parcel")
Certificate = get_model("certificates", "Certificate")
ExportProfile = get_model("certificates", "ExportProfile")


class CarrierFactory(DjangoModelFactory):
    class Meta:
        model = Carrier
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"carrier-{n}")
    name = factory.LazyAttribute(lambda o: o.code.title())
    tracking_url_template = "https://track.example/{number}"


class ServiceFactory(DjangoModelFactory):
    class Meta:
        model = Service

    carrier = factory.SubFactory(CarrierFactory)
    code = factory.Sequence(lambda n: f"service-{n}")
    name = "Express"
    transit_days_min = 2
    transit_days_max = 4


class ZoneFactory(DjangoModelFactory):
    class Meta:
        model = Zone

    carrier = factory.SubFactory(CarrierFactory)
    code = factory.Sequence(lambda n: f"zone-{n}")
    name = "Zone"
    countries = "FR,US"


class RateFactory(DjangoModelFactory):
    class Meta:
        model = Rate

    service = factory.SubFactory(ServiceFactory)
    zone = factory.SubFactory(ZoneFactory, carrier=factory.SelfAttribute("..service.carrier"))
    max_weight_kg = Decimal("1")
    price = Decimal("100")


class CertificateFactory(DjangoModelFactory):
    class Meta:
        model = Certificate
        skip_postgeneration_save = True

    partner = factory.SubFactory(SellerFactory)
    type = "lab_test"
    standard = "ASTM C738 lead and cadmium leach"
    lab = "LPEE Casablanca"
    accreditation = "ISO/IEC 17025"
    issued_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=30))
    expires_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=300))
    document = factory.LazyFunction(lambda: ContentFile(PDF_BYTES, name="report.pdf"))
    verified_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def products(self, create, extracted, **kwargs):
        if create and extracted:
            self.products.set(extracted)


class ExportProfileFactory(DjangoModelFactory):
    class Meta:
        model = ExportProfile

    product = factory.SubFactory(ProductFactory)


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
