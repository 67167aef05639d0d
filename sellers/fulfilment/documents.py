"""Customs papers as PDFs (WeasyPrint): commercial invoice, CN22 or CN23, packing list.

The CN22 is a label (``CN22_LABEL_SIZE``) stuck on the item; the CN23 is an A4 set, one page per
copy of ``CN23_COPIES``, each page naming its copy. Both keep the UPU's bilingual French/English
captions; the invoice and packing list are in English (the destination's customs language).
"""

from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from compliance.importer import importer_reference
from compliance.origin import origin_statement
from compliance.rules import valid_certificates
from sellers.fulfilment import invoices
from sellers.fulfilment.models import Parcel, ParcelDocument

ZERO = Decimal("0")
# The label stock posts print CN22s on (100 x 150 mm, "4 x 6 in"): the form's fields at a
# readable size, stuck on the item beside the address.
CN22_LABEL_SIZE = ("100mm", "150mm")
# (English, French) caption of each page of the CN23 set, the original first.
CN23_COPIES = (
    (
        "Original – for the customs of destination, attached to the item",
        "Original – pour la douane de destination, fixé sur l'envoi",
    ),
    ("Copy for the customs of origin (export)", "Copie pour la douane d'origine (export)"),
    ("Copy for the sender", "Copie pour l'expéditeur"),
)
# The UPU's categories of item (code, English, French); the marketplace's parcels are sales.
UPU_CATEGORIES = (
    ("gift", "Gift", "Cadeau"),
    ("commercial_sample", "Commercial sample", "Échantillon commercial"),
    ("documents", "Documents", "Documents"),
    ("returned_goods", "Returned goods", "Retour de marchandise"),
    ("sale_of_goods", "Sale of goods", "Vente de marchandises"),
    ("other", "Other", "Autre"),
)
SALE_OF_GOODS = "sale_of_goods"


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
                description=english_title(product) or line.title,
                hs_code=product.effective_hs_code if product else "",
                quantity=line.quantity,
                unit_value=line.unit_price_excl_tax or ZERO,
                value=line.line_price_excl_tax or ZERO,
                weight_kg=weight,
                dimensions=product.dimensions_display if product else "",
            )
        )
    return rows


def english_title(product):
    """The description customs read: the product's English title, else its French one."""
    if product is None:
        return ""
    return product.title_en or product.title_fr or ""


def parcel_certificates(parcel, day):
    """The verified certificates covering the parcel's products on ``day``, each once."""
    found = {}
    for line in parcel.order.lines.filter(partner=parcel.partner).select_related("product"):
        if line.product is not None:
            for certificate in valid_certificates(line.product, day):
                found.setdefault(certificate.pk, certificate)
    return list(found.values())


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


def paper_context(parcel):
    """What every paper of ``parcel`` prints (the invoice number is taken if not yet)."""
    invoices.allocate(parcel)
    lines = document_lines(parcel)
    total_value = sum((line.value for line in lines), ZERO)
    net_weight = sum((line.weight_kg for line in lines), ZERO)
    today = timezone.localdate()
    address = parcel.order.shipping_address
    country = address.country_id if address is not None else ""
    return {
        "parcel": parcel,
        "order": parcel.order,
        "seller": parcel.partner,
        "address": address,
        "buyer_email": parcel.order.email,
        "lines": lines,
        "total_value": total_value,
        "total_weight": net_weight,
        "piece_count": sum(line.quantity for line in lines),
        "gross_weight": net_weight + settings.CUSTOMS_PACKAGING_KG,
        "sender_address": sender_address(parcel.partner),
        "recipient_lines": recipient_lines(address),
        "signed_on": today,
        "currency": parcel.order.currency,
        "invoice_number": invoices.reference(parcel),
        "importer_reference": importer_reference(country, total_value, today),
        "certificates": parcel_certificates(parcel, today),
        "office_of_origin": parcel.origin_city or parcel.partner.city,
        "posted_on": parcel.shipped_at,
        "cn22_size": CN22_LABEL_SIZE,
        "copies": CN23_COPIES,
        "categories": UPU_CATEGORIES,
        "category": SALE_OF_GOODS,
    }


def generate(parcel):
    """Render and store each paper ``parcel`` lacks; return all its documents.

    Each paper is rendered, then stored and recorded under a lock on the parcel, in its own
    transaction: a run killed midway keeps the papers it finished, and a second run (the task
    delivered again) renders only the missing ones, each once.
    """
    context = paper_context(parcel)
    kinds = kinds_for(parcel, context["total_value"])
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
