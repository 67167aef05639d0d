"""Shipping methods offered at checkout.

PLACEHOLDER until issue 5 (carrier rate tables, zones, landed cost): each seller ships its own
parcel, priced at settings.SHIPPING_PARCEL_RATE_MAD per parcel.
"""

from decimal import Decimal

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from oscar.apps.shipping import methods
from oscar.apps.shipping import repository as oscar_repository
from oscar.core import prices


class PerSellerParcel(methods.Base):
    """One parcel per seller in the basket, at a configurable flat MAD rate per parcel."""

    code = "per-seller-parcel"
    name = _("Tracked parcel from each artisan")
    description = _("Each artisan ships their pieces in their own tracked parcel.")

    def parcel_count(self, basket):
        return len({line.stockrecord.partner_id for line in basket.all_lines()})

    def calculate(self, basket):
        charge = Decimal(settings.SHIPPING_PARCEL_RATE_MAD) * self.parcel_count(basket)
        return prices.Price(
            currency=basket.currency or "MAD", excl_tax=charge, incl_tax=charge, tax=Decimal(0)
        )


class Repository(oscar_repository.Repository):
    methods = (PerSellerParcel(),)
