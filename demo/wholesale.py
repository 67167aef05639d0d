"""The demo's wholesale side: a verified Paris concept store (the ``shop@example.com`` login)
and wholesale offers on the verified cooperatives' and artisans' first pieces, so quotes can be
asked, answered and ordered in ``make run``. Idempotent."""

from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone
from oscar.core.loading import get_model

from demo.accounts import SHOP
from wholesale.models import (
    Company,
    CompanyContact,
    DeliveryLocation,
    WholesaleOffer,
    WholesaleTier,
)

# A French VAT number whose check digits are right (SIREN 303265045).
COMPANY = {
    "name": "Concept Store Paris",
    "country": "FR",
    "number_scheme": "eu_vat",
    "number": "FR40303265045",
}
OFFERS_PER_SELLER = 4
# Tiers as shares of the retail price: from the minimum, and from four times the minimum.
TIERS = ((1, Decimal("0.70")), (4, Decimal("0.60")))


def seed_company():
    company, created = Company.objects.get_or_create(
        number_scheme=COMPANY["number_scheme"],
        number=COMPANY["number"],
        defaults={**COMPANY, "status": Company.VERIFIED, "reviewed_at": timezone.now()},
    )
    user = get_user_model().objects.get(email=SHOP.email)
    CompanyContact.objects.get_or_create(
        user=user, defaults={"company": company, "role": "Buyer", "is_admin": True}
    )
    if created:
        DeliveryLocation.objects.create(
            company=company,
            name="Boutique",
            line1="12 rue Oberkampf",
            postcode="75011",
            city="Paris",
            country="FR",
            has_loading_dock=True,
        )
    return company


def _offer(record):
    minimum = 10 if record.price >= 1000 else 24
    offer, created = WholesaleOffer.objects.get_or_create(
        stockrecord=record,
        defaults={
            "minimum_quantity": minimum,
            "case_pack": 2 if minimum == 10 else 6,
            "lead_time_days": 45,
            "sells_samples": True,
        },
    )
    if created:
        WholesaleTier.objects.bulk_create(
            WholesaleTier(
                offer=offer,
                min_quantity=minimum * times,
                unit_price=(record.price * share).quantize(Decimal("0.01")),
            )
            for times, share in TIERS
        )
    return offer


def seed_offers():
    """Offers on the first pieces of each verified seller with stock."""
    Partner = get_model("partner", "Partner")
    StockRecord = get_model("partner", "StockRecord")
    offers = []
    for seller in Partner.objects.filter(status=Partner.Status.VERIFIED).order_by("pk"):
        records = StockRecord.objects.filter(partner=seller, price__isnull=False).order_by("pk")
        offers += [_offer(record) for record in records[:OFFERS_PER_SELLER]]
    return offers


def seed_wholesale():
    return seed_company(), seed_offers()
