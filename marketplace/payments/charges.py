"""The one landed-cost presentation: each charge under the heading of when it is paid.

Now, at checkout: the pieces, the shipping, and the duties and taxes collected with the payment
(every one under DDP; under DAP the tax a destination collects at the sale: EU IOSS, UK VAT).
Later, on delivery: what the carrier collects under DAP, an estimate. The shipping step and the
preview build the rows from the checkout's landed cost (``shipping.checkout``); the
confirmation, the email and the order pages from the order's parcels
(``payments.confirmation``). Amounts are MAD; the templates show them in the buyer's currency
(``currency_tags.buyer_money``). Labels are lazy: an email is rendered in its reader's language.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class ChargeRow:
    label: str
    amount: Decimal  # MAD
    reason: str = ""  # why it is paid at this moment (DDP, collected at the sale)
    key: str = ""  # goods, shipping, duties (the order's rows)


@dataclass
class ParcelCharges:
    """One parcel's duties and taxes: those paid now and those the carrier collects."""

    incoterm: str
    now: list = field(default_factory=list)
    on_delivery: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    known: bool = True

    @property
    def none_due(self):
        return self.known and not self.now and not self.on_delivery


@dataclass
class OrderCharges:
    """The order's totals by moment: rows paid now (their sum is what is charged), rows paid
    on delivery (an estimate, not charged), and the payment's currency when it is not MAD."""

    now: list
    total_now: Decimal
    on_delivery: list
    total_on_delivery: Decimal
    currency: str = "MAD"


def _reason(incoterm):
    if incoterm == "DDP":
        return _("DDP: paid by you now, nothing to pay on delivery")
    return _("collected with your payment: the destination taxes this sale at checkout")


def parcel_from_landed(landed):
    """A checkout parcel's rows, from its ``compliance.landed_cost.LandedCost``."""
    if landed is None:
        return None
    rows = ParcelCharges(landed.incoterm, notes=list(landed.notes), known=landed.known)
    for charge in landed.charges:
        if charge.at_checkout:
            rows.now.append(ChargeRow(charge.label, charge.amount, _reason(landed.incoterm)))
        else:
            rows.on_delivery.append(ChargeRow(charge.label, charge.amount))
    return rows


def _label_in_language(labels):
    """A kept charge label (``{language: label}``) in the language being rendered."""
    if isinstance(labels, str):
        return labels
    language = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return labels.get(language) or labels.get(settings.LANGUAGE_CODE) or next(iter(labels.values()))


def parcel_from_order(parcel):
    """A placed parcel's rows (``payments.confirmation.ParcelSummary``): each duty and tax the
    parcel kept at placement ("VAT 20%", in the language being rendered); a parcel placed
    before they were kept shows its totals as one "Duties and taxes" row per moment."""
    rows = ParcelCharges(parcel.incoterm)
    if parcel.charge_lines:
        for line in parcel.charge_lines:
            amount, label = Decimal(line["amount"]), _label_in_language(line["label"])
            if line["paid_now"]:
                rows.now.append(ChargeRow(label, amount, _reason(parcel.incoterm)))
            else:
                rows.on_delivery.append(ChargeRow(label, amount))
        return rows
    if parcel.duties_now:
        label = _("Duties and taxes")
        rows.now.append(ChargeRow(label, parcel.duties_now, _reason(parcel.incoterm)))
    if parcel.duties_on_delivery:
        rows.on_delivery.append(ChargeRow(_("Duties and taxes"), parcel.duties_on_delivery))
    return rows


def order_charges(goods, shipping, duties_now, total_now, on_delivery, currency="MAD"):
    """The order's rows by moment (MAD amounts)."""
    now = [
        ChargeRow(_("Pieces"), goods, key="goods"),
        ChargeRow(_("Shipping"), shipping, key="shipping"),
    ]
    if duties_now:
        label = _("Duties and taxes collected now (DDP, IOSS, UK VAT)")
        now.append(ChargeRow(label, duties_now, key="duties"))
    later = []
    if on_delivery:
        label = _("Duties and taxes the carrier collects (DAP)")
        later.append(ChargeRow(label, on_delivery, key="duties"))
    return OrderCharges(now, total_now, later, on_delivery or ZERO, currency)


def summary_charges(summary):
    """The rows of the shipping step (``shipping.checkout.CheckoutSummary``)."""
    return order_charges(
        summary.goods,
        summary.shipping,
        summary.duties_and_taxes_at_checkout,
        summary.total_at_checkout,
        summary.duties_and_taxes_on_delivery,
    )


def checkout_charges(basket, shipping_charge, surcharges, order_total, summary, currency="MAD"):
    """The rows of a checkout about to be paid (the preview)."""
    duties_now = surcharges.total.incl_tax if surcharges else ZERO
    on_delivery = summary.duties_and_taxes_on_delivery if summary else ZERO
    return order_charges(
        basket.total_incl_tax,
        shipping_charge.incl_tax,
        duties_now,
        order_total.incl_tax,
        on_delivery,
        currency,
    )


def placed_charges(confirmation):
    """The rows of a placed order (``payments.confirmation.OrderConfirmation``)."""
    order = confirmation.order
    payment = confirmation.payment
    return order_charges(
        order.basket_total_incl_tax,
        order.shipping_incl_tax,
        order.surcharge_incl_tax,
        order.total_incl_tax,
        confirmation.duties_on_delivery,
        payment.currency if payment is not None else "MAD",
    )
