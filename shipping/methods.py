"""Oscar shipping methods: the sum of every seller's parcel, cheapest or fastest service."""

from decimal import Decimal

from django.utils.translation import gettext_lazy as _
from oscar.apps.shipping.methods import *  # noqa: F403
from oscar.apps.shipping.methods import Base
from oscar.core import prices

from shipping.services import quote_basket, shipping_total


class ParcelsMethod(Base):
    """One parcel per seller to ``country``; ``choices`` = {partner_id: service_code}."""

    is_tax_known = True

    def __init__(self, country, prefer="cheapest", choices=None):
        self.country, self.prefer, self.choices = country, prefer, choices or {}
        self.code = f"parcels-{prefer}"
        self.name = (
            _("Cheapest service per parcel")
            if prefer == "cheapest"
            else _("Fastest service per parcel")
        )

    def calculate(self, basket):
        total = shipping_total(quote_basket(basket, self.country), self.choices, self.prefer)
        amount = total if total is not None else Decimal("0")
        return prices.Price(currency=basket.currency, excl_tax=amount, incl_tax=amount)
