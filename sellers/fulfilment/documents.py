"""Customs papers as PDFs (WeasyPrint): commercial invoice, CN22 or CN23, packing list."""

from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from compliance.origin import origin_statement
from sellers.fulfilment import invoices
from sellers.fulfilment.models import Parcel, ParcelDocument

ZERO = Decimal("0")


@dataclass
class DocumentLine:
    description: str
    hs_code: str
    quantity: int
    unit_value: Decimal
    value: Decimal
    weight_kg: Decimal
    dimensions: str


def document_lines(parcel):
    lines = parcel.order.lines.filter(partner=parcel.partner).select_related("product")
    rows = []
    for line in lines:
        product = line.product
        weight = (product.weight_kg if product and product.weight_kg else ZERO) * line.quantity
        rows.append(
            DocumentLine(
                description=line.title,
                hs_code=product.effective_hs_code if product else "",
                quantity=line.quantity,
                unit_value=line.unit_price_excl_tax or ZERO,
                value=line.line_price_excl_tax or ZERO,
                weight_kg=weight,
                dimensions=product.dimensions_display if product else "",
            )
        )
    return rows


def sender_address(partner):
    """The seller's street address lines (Oscar's partner address), in Latin script."""
    address = partner.primary_address
    if address is None:
        return []
    fields = ("line1", "line2", "line3", "line4", "postcode")
    return [value for value in (getattr(address, f).strip() for f in fields) if value]


def recipient_lines(address):
    """The buyer's address without the name (printed once, on its own line)."""
    if address is None:
        return []
    name = address.salutation
    return [field for field in address.active_address_fields() if field != name]


def kinds_for(parcel, total_value):
    """The papers a parcel needs: postal ones a CN22 (up to the threshold) or a CN23."""
    kinds = [ParcelDocument.Kind.INVOICE, ParcelDocument.Kind.PACKING_LIST]
    if parcel.service is None or parcel.service.is_postal:
        small = total_value <= settings.CUSTOMS_CN22_MAX_MAD
        kinds.append(ParcelDocument.Kind.CN22 if small else ParcelDocument.Kind.CN23)
    return kinds


def render_pdf(kind, context):
    from weasyprint import HTML

    with translation.override("en"):
        if context.get("address") is not None:
            country = context["address"].country_id
            context = {
                **context,
                "origin": origin_statement(country, context["seller"].exporter_reference),
            }
        html = render_to_string(f"shipping/documents/{kind}.html", context)
    return HTML(string=html).write_pdf()


def generate(parcel):
    """Render and store each paper ``parcel`` lacks; return all its documents.

    Each paper is rendered, then stored and recorded under a lock on the parcel, in its own
    transaction: a run killed midway keeps the papers it finished, and a second run (the task
    delivered again) renders only the missing ones, each once.
    """
    invoices.allocate(parcel)
    lines = document_lines(parcel)
    total_value = sum((line.value for line in lines), ZERO)
    net_weight = sum((line.weight_kg for line in lines), ZERO)
    context = {
        "parcel": parcel,
        "order": parcel.order,
        "seller": parcel.partner,
        "address": parcel.order.shipping_address,
        "lines": lines,
        "total_value": total_value,
        "total_weight": net_weight,
        "gross_weight": net_weight + settings.CUSTOMS_PACKAGING_KG,
        "sender_address": sender_address(parcel.partner),
        "recipient_lines": recipient_lines(parcel.order.shipping_address),
        "signed_on": timezone.localdate(),
        "currency": parcel.order.currency,
        "invoice_number": invoices.reference(parcel),
    }
    kinds = kinds_for(parcel, total_value)
    done = set(ParcelDocument.objects.filter(parcel=parcel).values_list("kind", flat=True))
    for kind in kinds:
        if kind not in done:
            _store(parcel, kind, render_pdf(kind, {**context, "kind": kind}))
    return list(ParcelDocument.objects.filter(parcel=parcel, kind__in=kinds))


def _store(parcel, kind, pdf):
    """Record ``pdf`` as the parcel's paper of ``kind`` unless a concurrent run did."""
    with transaction.atomic():
        Parcel.objects.select_for_update().filter(pk=parcel.pk).first()
        if ParcelDocument.objects.filter(parcel=parcel, kind=kind).exists():
            return
        document = ParcelDocument(parcel=parcel, kind=kind)
        document.file.save(
            f"{parcel.order.number}-{parcel.partner_id}-{kind}.pdf", ContentFile(pdf)
        )
