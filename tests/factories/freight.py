"""Wholesale orders ready for freight: a Paris concept store's order of 40 rugs from one
cooperative and 120 tagines from another, placed with a 30% deposit, and freight rates."""

import datetime
from decimal import Decimal

from django.utils import timezone, translation

from tests.factories.catalogue import ProductFactory, SellerFactory
from tests.factories.users import UserFactory
from tests.factories.wholesale import company_member, offer_on
from wholesale.models import Company, FreightRate
from wholesale.orders import confirm_payment, place_order
from wholesale.quotes import accept_quote, answer_quote, ask_quote, decline_quote

DAY = datetime.timedelta(days=1)


def freight_order(incoterm="DAP", deposit_paid=True, buyer=None, only_rugs=False):
    """(order, buyer, {"rugs": seller, "tagines": seller}); rugs 2,050.00 and tagines 149.50;
    ``only_rugs``: the store declines the tagines, so the rug cooperative alone supplies it."""
    today = timezone.localdate()
    buyer = buyer or company_member(Company.VERIFIED, name="Concept Store Paris")
    sellers = {
        "rugs": SellerFactory(
            name_latin="Coop Azilal", ice="001234567000089", exporter_reference="MAREX0001"
        ),
        "tagines": SellerFactory(
            name_latin="Coop Safi", ice="002345678000012", exporter_reference="MAREX0002"
        ),
    }
    rugs = ProductFactory(stockrecord__seller=sellers["rugs"], title_en="Azilal rug")
    tagines = ProductFactory(
        stockrecord__seller=sellers["tagines"], title_en="Safi tagine", hs_code="6912"
    )
    offer_on(rugs, tiers=((10, "2400.00"),), minimum=10, case_pack=10)
    offer_on(tagines, tiers=((60, "180.00"),), minimum=60, case_pack=12)
    location = buyer.company_contact.company.locations.get()
    with translation.override("fr"):
        request = ask_quote(
            buyer,
            location,
            incoterm,
            today + 60 * DAY,
            [(rugs.stockrecords.get(), 40), (tagines.stockrecords.get(), 120)],
        )
    for quote, price in zip(request.quotes.order_by("pk"), ("2050.00", "149.50"), strict=True):
        prices = {line.pk: Decimal(price) for line in quote.lines.all()}
        answer_quote(quote.pk, quote.seller, prices, 45, today + 14 * DAY)
        declined = only_rugs and quote.seller == sellers["tagines"]
        (decline_quote if declined else accept_quote)(quote.pk, buyer)
    order = place_order(request.pk, buyer, 30)
    if deposit_paid:
        confirm_payment(order.payments.get(kind="deposit").pk, UserFactory(is_staff=True))
    return order, buyer, sellers


def rate(country="FR", port="", **values):
    today = timezone.localdate()
    defaults = {
        "per_cubic_metre": Decimal("1200.00"),
        "per_pallet": Decimal("300.00"),
        "pallet_capacity": Decimal("1.50"),
        "minimum_charge": Decimal("2500.00"),
        "valid_from": today - 30 * DAY,
        "valid_until": today + 30 * DAY,
    }
    return FreightRate.objects.create(country=country, port=port, **{**defaults, **values})
