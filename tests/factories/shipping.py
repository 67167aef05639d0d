"""Shipping tables: carriers, services, zones and rate brackets."""

from decimal import Decimal

import factory
from factory.django import DjangoModelFactory
from oscar.core.loading import get_model

from tests.factories.catalogue import ProductFactory, SellerFactory  # noqa: F401

Carrier = get_model("shipping", "Carrier")


Service = get_model("shipping", "Service")


Zone = get_model("shipping", "Zone")


Rate = get_model("shipping", "Rate")


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
