"""Business buyers and wholesale offers."""

from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from tests.factories.users import UserFactory
from wholesale.models import (
    Company,
    CompanyContact,
    DeliveryLocation,
    WholesaleOffer,
    WholesaleTier,
)


class CompanyFactory(DjangoModelFactory):
    """A Paris concept store, verified by its FR VAT number unless told otherwise."""

    class Meta:
        model = Company

    name = factory.Sequence(lambda n: f"Concept store {n}")
    country = "FR"
    number_scheme = "eu_vat"
    number = factory.Sequence(lambda n: f"FR{n:011d}")  # unique; not checked at this level
    status = Company.VERIFIED


def company_member(status=Company.VERIFIED, **company):
    """A user who is a contact of a company in ``status``, with one delivery location."""
    user = UserFactory()
    firm = CompanyFactory(status=status, **company)
    CompanyContact.objects.create(company=firm, user=user, role="Buyer", is_admin=True)
    DeliveryLocation.objects.create(
        company=firm, name="Shop", line1="12 rue Oberkampf", city="Paris", country="FR"
    )
    return user


def offer_on(product, tiers=((12, "950.00"), (48, "850.00")), minimum=12, case_pack=6, **kw):
    """A wholesale offer on the product's stock record."""
    offer = WholesaleOffer.objects.create(
        stockrecord=product.stockrecords.get(),
        minimum_quantity=minimum,
        case_pack=case_pack,
        lead_time_days=kw.pop("lead_time_days", 30),
        sells_samples=kw.pop("sells_samples", True),
    )
    for quantity, price in tiers:
        WholesaleTier.objects.create(offer=offer, min_quantity=quantity, unit_price=Decimal(price))
    return offer
