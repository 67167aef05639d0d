"""Oscar shipping methods: the sum of every seller's parcel, cheapest or fastest service."""

from decimal import Decimal

from django.utils.translation import gettext_lazy as _
from oscar.apps.shipping.methods import *  # noqa: F403
from oscar.apps.shipping.methods import Base
from oscar.core import prices

from shipping.checkout import checkout_summary
from shipping.landed_cost import DAP


class ParcelsMethod(Base):
    """One parcel per seller to ``country``; ``choices`` = {partner_id: service_code}.

    The price returned by ``calculate`` carries the ``summary`` (parcels, quotes, landed cost)
    it was computed from, so the checkout's surcharges add the duties and taxes paid now.
    """

    is_tax_known = True

    def __init__(
        self, country, prefer="cheapest", choices=None, incoterm=DAP, on=None, rates=None, code=None
    ):
        self.country, self.prefer, self.choices = country, prefer, choices or {}
        self.incoterm, self.on, self.rates = incoterm, on, rates
        self.code = code or f"parcels-{prefer}"
        self.name = (
            _("Cheapest service per parcel")
            if prefer == "cheapest"
            else _("Fastest service per parcel")
        )
        self._summaries = {}

    @classmethod
    def for_selection(cls, country, selection):
        """The buyer's own choice of services (code ``parcels``)."""
        method = cls(
            country,
            selection.prefer,
            selection.choices,
            selection.incoterm,
            selection.on,
            selection.rates,
            code="parcels",
        )
        method.name = _("Shipping, one parcel per seller")
        return method

    def summary(self, basket):
        """The checkout summary for ``basket`` (computed once per basket)."""
        key = (basket.pk, basket.num_lines)
        if key not in self._summaries:
            self._summaries[key] = checkout_summary(
                basket.all_lines(),
                self.country,
                self.choices,
                self.incoterm,
                self.prefer,
                on=self.on,
                rates=self.rates,
            )
        return self._summaries[key]

    def calculate(self, basket):
        summary = self.summary(basket)
        amount = summary.shipping if summary.shippable else Decimal("0")
        price = prices.Price(currency=basket.currency, excl_tax=amount, incl_tax=amount)
        price.summary = summary
        return price
