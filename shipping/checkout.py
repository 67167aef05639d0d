"""What the checkout calls: per-parcel quotes, the chosen services and the landed cost.

``checkout_summary(basket_or_lines, country, choices={partner_id: service_code},
incoterm="DDP")`` returns every parcel with its quotes, the chosen quote (else the cheapest)
and its landed cost; DDP falls back to DAP on a service that does not offer it.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from compliance.landed_cost import DAP, DDP, landed_cost
from marketplace.currency.money import quantize
from shipping.services import plan_parcels, quote_parcels

ZERO = Decimal("0")


@dataclass
class ParcelCheckout:
    plan: object
    quotes: list
    quote: object
    landed: object

    @property
    def incoterm(self):
        return self.landed.incoterm if self.landed else None


@dataclass
class CheckoutSummary:
    country: str
    parcels: list = field(default_factory=list)

    @property
    def shippable(self):
        return all(parcel.quote for parcel in self.parcels)

    @property
    def goods(self):
        return quantize(sum((p.plan.value for p in self.parcels), ZERO))

    @property
    def shipping(self):
        return quantize(sum((p.quote.price for p in self.parcels if p.quote), ZERO))

    @property
    def duties_and_taxes_at_checkout(self):
        return quantize(sum((p.landed.at_checkout for p in self.parcels if p.landed), ZERO))

    @property
    def duties_and_taxes_on_delivery(self):
        return quantize(sum((p.landed.on_delivery for p in self.parcels if p.landed), ZERO))

    @property
    def total_at_checkout(self):
        return quantize(self.goods + self.shipping + self.duties_and_taxes_at_checkout)


def _lines(basket_or_lines):
    if hasattr(basket_or_lines, "lines"):
        return basket_or_lines.lines.select_related("product", "stockrecord__partner")
    return basket_or_lines


def checkout_summary(
    basket_or_lines, country, choices=None, incoterm=DDP, prefer="cheapest", on=None, rates=None
):
    choices = choices or {}
    summary = CheckoutSummary(country)
    for parcel in quote_parcels(plan_parcels(_lines(basket_or_lines)), country):
        quote = parcel.pick(choices.get(parcel.plan.partner.pk), prefer)
        landed = None
        if quote is not None:
            term = incoterm if quote.ddp_available else DAP
            landed = landed_cost(
                parcel.plan.items, country, shipping=quote.price, incoterm=term, on=on, rates=rates
            )
        summary.parcels.append(ParcelCheckout(parcel.plan, parcel.quotes, quote, landed))
    return summary
