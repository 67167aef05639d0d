"""Customs papers as PDFs (WeasyPrint): commercial invoice, CN22 or CN23, packing list."""

from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.core.files.base import ContentFile
from django.template.loader import render_to_string
from django.utils import translation

from sellers.fulfilment.models import ParcelDocument

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
        html = render_to_string(f"shipping/documents/{kind}.html", context)
    return HTML(string=html).write_pdf()


def generate(parcel):
    """Render and store (replacing) every paper of ``parcel``; return the documents."""
    lines = document_lines(parcel)
    total_value = sum((line.value for line in lines), ZERO)
    context = {
        "parcel": parcel,
        "order": parcel.order,
        "seller": parcel.partner,
        "address": parcel.order.shipping_address,
        "lines": lines,
        "total_value": total_value,
        "total_weight": sum((line.weight_kg for line in lines), ZERO),
        "currency": parcel.order.currency,
    }
    documents = []
    for kind in kinds_for(parcel, total_value):
        pdf = render_pdf(kind, {**context, "kind": kind})
        document = ParcelDocument.objects.filter(parcel=parcel, kind=kind).first()
        if document is None:
            document = ParcelDocument(parcel=parcel, kind=kind)
        else:
            document.file.delete(save=False)
        document.file.save(
            f"{parcel.order.number}-{parcel.partner_id}-{kind}.pdf", ContentFile(pdf)
        )
        documents.append(document)
    return documents
