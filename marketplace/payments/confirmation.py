"""What a placed order's confirmation shows: the thank-you page and the buyer's email.

Each seller's parcel with its service, delivery estimate and duties (paid now under DDP,
estimated and paid on delivery under DAP), the order's totals in MAD and the amount charged
in the buyer's currency with the locked rate and its date. Read from the order's own rows
(parcels, lines, payment) in a fixed number of queries, never recomputed from rate tables.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings

from marketplace.payments.models import CheckoutPayment

ZERO = Decimal("0.00")


@dataclass
class ParcelSummary:
    partner: object  # the seller, or the name it had when the order was placed (seller gone)
    lines: list
    service: object = None
    incoterm: str = "DAP"
    shipping: Decimal = ZERO
    duties_now: Decimal = ZERO
    duties_on_delivery: Decimal = ZERO
    charge_lines: list = field(default_factory=list)  # ``Parcel.charge_lines``
    delivery_days_min: int | None = None
    delivery_days_max: int | None = None

    @property
    def seller(self):
        """The seller's name in the script of the language being rendered (page or email)."""
        return getattr(self.partner, "display_name", self.partner)

    @property
    def is_ddp(self):
        return self.incoterm == "DDP"


@dataclass
class OrderConfirmation:
    order: object
    parcels: list = field(default_factory=list)
    payment: CheckoutPayment | None = None

    @property
    def duties_now(self):
        return sum((parcel.duties_now for parcel in self.parcels), ZERO)

    @property
    def duties_on_delivery(self):
        return sum((parcel.duties_on_delivery for parcel in self.parcels), ZERO)

    @property
    def charged_in_other_currency(self):
        return self.payment is not None and self.payment.currency != "MAD"


def _processing_days(lines):
    default = settings.SHIPPING_DEFAULT_PROCESSING_DAYS
    days = [getattr(line.product, "processing_days", None) or default for line in lines]
    return max(days, default=default)


def _summary(seller, lines, parcel):
    if parcel is None:
        return ParcelSummary(partner=seller, lines=lines)
    summary = ParcelSummary(
        partner=seller,
        lines=lines,
        service=parcel.service,
        incoterm=parcel.incoterm,
        shipping=parcel.shipping_charge,
        duties_now=parcel.duties_at_checkout,
        duties_on_delivery=parcel.duties_on_delivery,
        charge_lines=parcel.charge_lines,
    )
    if parcel.service is not None:
        processing = _processing_days(lines)
        summary.delivery_days_min = processing + parcel.service.transit_days_min
        summary.delivery_days_max = processing + parcel.service.transit_days_max
    return summary


def order_confirmation(order):
    """The ``OrderConfirmation`` of ``order``: one parcel summary per seller, in line order."""
    lines = list(order.lines.select_related("product", "partner").order_by("pk"))
    parcels = {
        parcel.partner_id: parcel
        for parcel in order.parcels.select_related("service__carrier", "partner")
    }
    by_seller = {}
    for line in lines:
        key = line.partner_id
        by_seller.setdefault(key, (line.partner or line.partner_name, []))[1].append(line)
    summaries = [
        _summary(name, seller_lines, parcels.get(partner_id))
        for partner_id, (name, seller_lines) in by_seller.items()
    ]
    payment = CheckoutPayment.objects.filter(order=order).first()
    return OrderConfirmation(order=order, parcels=summaries, payment=payment)
