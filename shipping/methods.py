"""Oscar shipping methods: the sum of every seller's parcel, cheapest or fastest service."""

from decimal import Decimal

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from oscar.apps.shipping.methods import *  # noqa: F403
from oscar.apps.shipping.methods import Base
from oscar.core import prices

from compliance.landed_cost import DAP
from marketplace.core.countries import country_name
from shipping.checkout import checkout_summary
from shipping.reach import refused


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


class PendingShipping(Base):
    """Shipping before the buyer gives an address (the basket page): charged at checkout.

    It adds nothing to the basket's total, and says so. ``estimate`` is what the cheapest
    services would cost to the buyer's country (their cookie, else their language's default);
    ``blocked`` names the pieces the destination rules keep from that country (no estimate then).
    """

    code = "pending"
    name = _("Calculated at checkout from your address")
    is_tax_known = True

    def __init__(self, country, basket):
        self.country, self.basket = country, basket

    @property
    def country_name(self):
        return country_name(self.country)

    @cached_property
    def blocked(self):
        return [p.get_title() for p, _reasons in refused(self.basket.all_lines(), self.country)]

    @cached_property
    def estimate(self):
        if self.blocked:
            return None
        summary = ParcelsMethod(self.country, "cheapest").summary(self.basket)
        return summary.shipping if summary.shippable else None

    def calculate(self, basket):
        return prices.Price(currency=basket.currency, excl_tax=Decimal("0"), incl_tax=Decimal("0"))


def method_name(code, stored):
    """A placed order's shipping method in the language being rendered: the order keeps the
    name in the language it was placed in (Oscar's ``Order.shipping_method``)."""
    names = {
        "parcels": _("Shipping, one parcel per seller"),
        "parcels-cheapest": _("Cheapest service per parcel"),
        "parcels-fastest": _("Fastest service per parcel"),
    }
    return names.get(code, stored)
