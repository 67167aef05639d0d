"""Freight for wholesale orders: what each Incoterm leaves to whom, the freight quote from the
rates table and the cartons, and the cartons each seller packs.

- Incoterms: EXW, FCA Casablanca and FOB Casablanca leave the main carriage, its insurance and
  the import duties to the buyer; CIF (destination port) has the sellers pay carriage and
  insurance to the port; DAP carriage and insurance to the place; DDP the import duties too.
  A freight quote is made only where the sellers pay the main carriage (CIF, DAP, DDP).
- volume: the cartons' volumes (length x width x height) added up, in cubic metres to the
  litre, rounded half up; pallets: the volume over the rate's pallet capacity, rounded up
  (1.50 m³ on 1.50 m³ pallets is one pallet, 1.501 m³ two).
- charge: volume x price per m³ + pallets x price per pallet, never under the minimum charge.
- rate: one valid on the day (its first and last days included) for the destination country,
  the port's own rate before the country's (empty port); an expired or future rate is refused.
- override: staff, or the seller of an order it alone supplies, may enter the amount instead
  (a positive amount; not under EXW, FCA or FOB); it replaces the
  computed one, and a later computation replaces the override. A computed quote goes when a
  carton is added or removed (its volume changed: staff compute it again); an override stays.
- cartons: a seller packs only the accepted lines of its own part, once the order's first
  payment is confirmed; the pieces packed never exceed those ordered; a carton number is
  entered once per seller (a double submit is refused by the unique constraint).
- payment: a freight quote makes (or updates) the order's unpaid freight payment, due before
  shipment by transfer or card like the others; a computed quote dropped with a carton change
  drops its unpaid payment; once the freight is paid, its quote and the cartons are final.
- papers: once every accepted line is packed in full.
"""

import math
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db import IntegrityError, transaction
from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wholesale.models import (
    Carton,
    CartonItem,
    FreightQuote,
    FreightRate,
    QuoteLine,
    SellerQuote,
    WholesaleOrder,
    WholesalePayment,
)

CENT = Decimal("0.01")
LITRE = Decimal("0.001")
ZERO = Decimal("0")
PORT_OF_LOADING = "Casablanca"
PORT_OF_LOADING_CODE = "MACAS"


class FreightError(Exception):
    """Why the action is refused (a translatable message)."""


@dataclass(frozen=True)
class Coverage:
    """Who pays what under an Incoterm (True: the sellers, in the price)."""

    place: str
    carriage: bool
    insurance: bool
    duties: bool


COVERAGE = {
    "EXW": Coverage(_("at the workshops in Morocco"), False, False, False),
    "FCA": Coverage(_("handed to your carrier in Casablanca"), False, False, False),
    "FOB": Coverage(_("loaded on board in the port of Casablanca"), False, False, False),
    "CIF": Coverage(_("unloaded at your destination port"), True, True, False),
    "DAP": Coverage(_("at your delivery address, before import clearance"), True, True, False),
    "DDP": Coverage(_("at your delivery address, import duties paid"), True, True, True),
}


def coverage(incoterm):
    return COVERAGE[incoterm]


def coverage_rows(incoterm):
    """[(what, who)] in the page language: the buyer reads who pays each part."""
    terms = coverage(incoterm)
    sellers, buyer = _("The sellers pay"), _("You pay")
    return [
        (_("Goods delivered"), terms.place),
        (_("Main carriage"), sellers if terms.carriage else buyer),
        (_("Insurance of the main carriage"), sellers if terms.insurance else buyer),
        (_("Import duties and taxes"), sellers if terms.duties else buyer),
    ]


def needs_freight_quote(incoterm):
    return coverage(incoterm).carriage


# The rules on plain values.


def volume_of(dimensions):
    """[(length_cm, width_cm, height_cm)] -> cubic metres, to the litre."""
    total = sum((Decimal(ln) * Decimal(wd) * Decimal(ht) for ln, wd, ht in dimensions), ZERO)
    return (total / Decimal(1_000_000)).quantize(LITRE, rounding=ROUND_HALF_UP)


def pallets_for(volume, capacity):
    if volume <= 0:
        return 0
    return math.ceil(Decimal(volume) / Decimal(capacity))


def charge(rate, volume, pallets):
    amount = volume * rate.per_cubic_metre + pallets * rate.per_pallet
    return max(amount, rate.minimum_charge).quantize(CENT, rounding=ROUND_HALF_UP)


def is_valid(rate, day):
    return rate.valid_from <= day <= rate.valid_until


def rate_for(country, port="", day=None):
    """The rate valid on ``day`` for the country and port, or None."""
    day = day or timezone.localdate()
    rates = FreightRate.objects.filter(
        country=country, valid_from__lte=day, valid_until__gte=day
    ).filter(Q(port__iexact=port) | Q(port=""))
    exact = [rate for rate in rates if rate.port]
    return (exact or list(rates) or [None])[0]


# The order's cartons and freight quote.


def order_cartons(order):
    return order.cartons.select_related("seller").prefetch_related(
        "items__line__stockrecord__product"
    )


def cartons_volume(order):
    return volume_of(
        (carton.length_cm, carton.width_cm, carton.height_cm) for carton in order.cartons.all()
    )


def _locked(order_id):
    return (
        WholesaleOrder.objects.select_for_update()
        .select_related("request__destination")
        .get(pk=order_id)
    )


@transaction.atomic
def quote_from_rate(order_id, user, rate=None, port="", day=None):
    """Compute the order's freight from ``rate`` (else the valid one for its destination)."""
    day = day or timezone.localdate()
    order = _locked(order_id)
    _refuse_once_paid(order)
    if not needs_freight_quote(order.request.incoterm):
        raise FreightError(_("Under this Incoterm the buyer pays the main carriage."))
    country = order.request.destination.country
    if rate is None:
        rate = rate_for(country, port, day)
        if rate is None:
            raise FreightError(_("No freight rate is valid today for this destination."))
    if not is_valid(rate, day):
        raise FreightError(_("This freight rate is not valid today."))
    if rate.country != country:
        raise FreightError(_("This freight rate is for another country."))
    if not order.cartons.exists():
        raise FreightError(_("The freight is computed once the sellers have entered cartons."))
    volume = cartons_volume(order)
    pallets = pallets_for(volume, rate.pallet_capacity)
    values = {
        "rate": rate,
        "port": port or rate.port,
        "volume": volume,
        "pallets": pallets,
        "amount": charge(rate, volume, pallets),
        "note": "",
        "entered_by": user,
    }
    quote, _created = FreightQuote.objects.update_or_create(order=order, defaults=values)
    _freight_due(order, quote.amount)
    return quote


def sole_seller(order, seller):
    """Whether ``seller`` alone supplies the order (then it may quote the freight itself)."""
    seller_ids = set(accepted_lines(order).values_list("quote__seller_id", flat=True))
    return seller_ids == {seller.pk}


@transaction.atomic
def override_quote(order_id, user, amount, port="", note="", seller=None):
    """A freight price for the order (in MAD) entered by staff, or by ``seller`` when it
    alone supplies the order."""
    order = _locked(order_id)
    _refuse_once_paid(order)
    if not needs_freight_quote(order.request.incoterm):
        raise FreightError(_("Under this Incoterm the buyer pays the main carriage."))
    if seller is not None and not sole_seller(order, seller):
        raise FreightError(_("Staff quote the freight of an order from several sellers."))
    if amount is None or amount <= 0:
        raise FreightError(_("Enter a freight amount above zero."))
    volume = cartons_volume(order)
    values = {
        "rate": None,
        "port": port,
        "volume": volume,
        "pallets": 0,
        "amount": Decimal(amount).quantize(CENT, rounding=ROUND_HALF_UP),
        "note": note,
        "entered_by": user,
    }
    quote, _created = FreightQuote.objects.update_or_create(order=order, defaults=values)
    _freight_due(order, quote.amount)
    return quote


def seller_lines(order, seller):
    """The accepted lines of ``seller``'s part of the order."""
    return QuoteLine.objects.filter(
        quote__request_id=order.request_id, quote__seller=seller, quote__status=SellerQuote.ACCEPTED
    ).select_related("stockrecord__product")


def accepted_lines(order):
    return QuoteLine.objects.filter(
        quote__request_id=order.request_id, quote__status=SellerQuote.ACCEPTED
    ).select_related("stockrecord__product", "quote__seller")


def packed_quantities(order):
    """{line id: pieces packed in the order's cartons}"""
    rows = (
        CartonItem.objects.filter(carton__order=order)
        .values("line_id")
        .annotate(packed=Sum("quantity"))
    )
    return {row["line_id"]: row["packed"] for row in rows}


def seller_orders(seller):
    """The wholesale orders with an accepted part of ``seller``'s."""
    return WholesaleOrder.objects.filter(
        request__quotes__seller=seller, request__quotes__status=SellerQuote.ACCEPTED
    ).distinct()


@transaction.atomic
def add_carton(order_id, seller, number, dimensions, gross_kg, net_kg, quantities):
    """``dimensions``: (length, width, height) in cm; ``quantities``: {line id: pieces}."""
    order = _locked(order_id)
    _refuse_once_paid(order)
    if not order.payments.filter(paid_at__isnull=False).exists():
        raise FreightError(_("Cartons are entered once the first payment is received."))
    lines = {line.pk: line for line in seller_lines(order, seller)}
    quantities = {pk: quantity for pk, quantity in quantities.items() if quantity}
    if not quantities:
        raise FreightError(_("Put at least one piece in the carton."))
    if any(pk not in lines for pk in quantities):
        raise FreightError(_("This line is not part of your order."))
    if net_kg > gross_kg:
        raise FreightError(_("The net weight cannot exceed the gross weight."))
    packed = packed_quantities(order)
    for pk, quantity in quantities.items():
        if packed.get(pk, 0) + quantity > lines[pk].quantity:
            raise FreightError(_("More pieces than ordered would be packed."))
    length, width, height = dimensions
    try:
        with transaction.atomic():
            carton = Carton.objects.create(
                order=order,
                seller=seller,
                number=number,
                length_cm=length,
                width_cm=width,
                height_cm=height,
                gross_kg=gross_kg,
                net_kg=net_kg,
            )
    except IntegrityError as error:
        raise FreightError(_("This carton number is entered already.")) from error
    CartonItem.objects.bulk_create(
        CartonItem(carton=carton, line_id=pk, quantity=quantity)
        for pk, quantity in quantities.items()
    )
    _drop_computed_quote(order)
    return carton


def freight_paid(order):
    return order.payments.filter(kind=WholesalePayment.FREIGHT, paid_at__isnull=False).exists()


def _refuse_once_paid(order):
    """Once the buyer has paid the freight, neither its quote nor the cartons it was
    computed from change."""
    if freight_paid(order):
        raise FreightError(
            _("The freight is paid: its quote and the cartons can no longer change.")
        )


def _freight_due(order, amount):
    """The order's unpaid freight payment, at the quote's amount."""
    WholesalePayment.objects.update_or_create(
        order=order, kind=WholesalePayment.FREIGHT, defaults={"amount": amount}
    )


def _drop_computed_quote(order):
    """A computed quote no longer matches the cartons: it and its unpaid payment go."""
    deleted, _rows = FreightQuote.objects.filter(order=order, rate__isnull=False).delete()
    if deleted:
        order.payments.filter(kind=WholesalePayment.FREIGHT, paid_at__isnull=True).delete()


@transaction.atomic
def remove_carton(order_id, seller, carton_id):
    order = _locked(order_id)
    _refuse_once_paid(order)
    deleted, _rows = Carton.objects.filter(pk=carton_id, order=order, seller=seller).delete()
    if deleted:
        _drop_computed_quote(order)
    return bool(deleted)


def papers_ready(order):
    """Every accepted line packed in full (and at least one carton)."""
    packed = packed_quantities(order)
    lines = list(accepted_lines(order))
    return bool(lines) and all(packed.get(line.pk, 0) == line.quantity for line in lines)


def buyer_context(order):
    """What the order page and the pro-forma show of the freight."""
    incoterm = order.request.incoterm
    return {
        "needs_freight": needs_freight_quote(incoterm),
        "freight": FreightQuote.objects.filter(order=order).first(),
        "papers_ready": papers_ready(order),
    }
