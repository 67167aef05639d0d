"""Checkout surcharges: duties and import taxes paid at checkout, one per charge line.

They come from the landed cost the shipping method priced (``shipping_charge.summary``), so
the order total, the PaymentIntent and the order's surcharge rows agree line by line.
"""

from oscar.apps.checkout.applicator import SurchargeApplicator as OscarSurchargeApplicator
from oscar.core import prices

NAME_LENGTH = 128


class DutySurcharge:
    """One duty or tax line of a parcel, paid now (DDP, or a tax collected at the sale)."""

    def __init__(self, parcel, index, charge):
        self.parcel, self.charge = parcel, charge
        self.code = f"duty-{parcel.plan.partner.pk}-{index}"
        self.name = f"{parcel.plan.partner.display_name}: {charge.label}"[:NAME_LENGTH]

    def calculate(self, basket, **kwargs):
        amount = self.charge.amount
        return prices.Price(currency=basket.currency, excl_tax=amount, incl_tax=amount)


def duty_surcharges(summary):
    """Every charge of ``summary`` paid at checkout, as surcharges."""
    found = []
    for parcel in summary.parcels:
        if parcel.landed is None:
            continue
        paid_now = [charge for charge in parcel.landed.charges if charge.at_checkout]
        found += [DutySurcharge(parcel, i, charge) for i, charge in enumerate(paid_now, 1)]
    return found


class SurchargeApplicator(OscarSurchargeApplicator):
    def get_surcharges(self, basket, **kwargs):
        summary = getattr(kwargs.get("shipping_charge"), "summary", None)
        return duty_surcharges(summary) if summary is not None else ()
