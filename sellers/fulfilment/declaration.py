"""Export declaration data for the seller's forwarder or customs broker.

A Moroccan export declaration (DUM, lodged in BADR through PortNet) is made by the forwarder or
a licensed customs broker, not by us: this module only builds the rows they need, one per
parcel line, for a CSV or JSON download from the seller space. No government API is called.

Every row repeats the parcel's data (exporter, consignee, invoice, transport) so one file of a
day's parcels can be sorted or filtered line by line. The packaging weight
(``CUSTOMS_PACKAGING_KG``) is shared out on the lines in proportion to their net weight, so the
lines' gross weights add up to the parcel's gross weight printed on the papers.
"""

import csv
import io
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.utils import timezone

from marketplace.currency.money import BASE_CURRENCY, convert_to_mad, quantize
from sellers.fulfilment import invoices
from sellers.fulfilment.documents import document_lines, recipient_lines, sender_address

ORIGIN_COUNTRY = "MA"
TRANSPORT_MEANS = "air"
GRAM = Decimal("0.001")
ZERO = Decimal("0")

# (column, what it is): the README's "Export declaration data" section lists the same.
COLUMNS = (
    "order_number",
    "invoice_number",
    "invoice_date",
    "exporter_ice",
    "exporter_legal_name",
    "exporter_name",
    "exporter_address",
    "exporter_city",
    "consignee_name",
    "consignee_address",
    "consignee_country",
    "destination_country",
    "transport_mode",
    "transport_means",
    "carrier",
    "service",
    "tracking_number",
    "incoterm",
    "line_number",
    "hs_code",
    "description",
    "origin_country",
    "quantity",
    "net_weight_kg",
    "gross_weight_kg",
    "value_mad",
    "invoice_currency",
    "invoice_amount",
)


def _kg(value):
    return Decimal(value).quantize(GRAM, rounding=ROUND_HALF_UP)


def _gross_weights(net_weights):
    """Each line's net weight plus its share of the packaging; the shares add up exactly."""
    packaging = _kg(settings.CUSTOMS_PACKAGING_KG)
    total = sum(net_weights, ZERO)
    if not net_weights:
        return []
    shares = []
    for weight in net_weights[:-1]:
        share = _kg(packaging * weight / total) if total else ZERO
        shares.append(share)
    shares.append(packaging - sum(shares, ZERO))
    return [_kg(weight + share) for weight, share in zip(net_weights, shares, strict=True)]


def _value_mad(amount, order):
    """A line's value in MAD: the order's own amount when the order is in MAD, else converted
    at the rate the buyer paid at."""
    if order.currency == BASE_CURRENCY:
        return quantize(amount)
    payment = getattr(order, "checkout_payment", None)
    if payment is None:
        return ""
    return convert_to_mad(amount, payment.rate).amount


def _transport_mode(parcel):
    if parcel.service is None:
        return ""
    return "postal" if parcel.service.is_postal else "express"


def parcel_rows(parcel):
    """One dict per line of ``parcel``, keyed by ``COLUMNS``; the parcel takes its invoice
    number now if its papers have not been made yet (the same number they will print)."""
    invoices.allocate(parcel)
    order = parcel.order
    partner = parcel.partner
    address = order.shipping_address
    country = address.country_id if address is not None else ""
    lines = document_lines(parcel)
    gross = _gross_weights([_kg(line.weight_kg) for line in lines])
    common = {
        "order_number": order.number,
        "invoice_number": invoices.reference(parcel),
        "invoice_date": timezone.localdate(parcel.created).isoformat(),
        "exporter_ice": partner.ice,
        "exporter_legal_name": partner.legal_name,
        "exporter_name": partner.export_name,
        "exporter_address": ", ".join(sender_address(partner)),
        "exporter_city": partner.city,
        "consignee_name": address.salutation if address is not None else "",
        "consignee_address": ", ".join(recipient_lines(address)),
        "consignee_country": country,
        "destination_country": country,
        "transport_mode": _transport_mode(parcel),
        "transport_means": TRANSPORT_MEANS,
        "carrier": parcel.service.carrier.name if parcel.service else "",
        "service": parcel.service.name if parcel.service else "",
        "tracking_number": parcel.tracking_number,
        "incoterm": parcel.incoterm,
    }
    rows = []
    for number, (line, gross_kg) in enumerate(zip(lines, gross, strict=True), start=1):
        rows.append(
            {
                **common,
                "line_number": number,
                "hs_code": line.hs_code,
                "description": line.description,
                "origin_country": ORIGIN_COUNTRY,
                "quantity": line.quantity,
                "net_weight_kg": str(_kg(line.weight_kg)),
                "gross_weight_kg": str(gross_kg),
                "value_mad": str(_value_mad(line.value, order)),
                "invoice_currency": order.currency,
                "invoice_amount": str(quantize(line.value)),
            }
        )
    return rows


def rows_for(parcels):
    return [row for parcel in parcels for row in parcel_rows(parcel)]


def as_csv(rows):
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS)
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()
