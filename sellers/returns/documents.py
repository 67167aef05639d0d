"""The customs paper of a return: a CN23 declaring "Returned goods" for the import back into
Morocco, with the original export's reference (the seller's invoice number and the parcel's
tracking number). Sender: the buyer; addressee: the seller, in Latin script."""

from decimal import Decimal

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation

from sellers.fulfilment import invoices
from sellers.fulfilment.documents import recipient_lines, sender_address

ZERO = Decimal("0")


def return_lines(request):
    rows = []
    for row in request.lines.select_related("line__product").order_by("line_id"):
        line = row.line
        product = line.product
        weight = (product.weight_kg if product and product.weight_kg else ZERO) * line.quantity
        rows.append(
            {
                "description": line.title,
                "hs_code": product.effective_hs_code if product else "",
                "quantity": line.quantity,
                "unit_value": line.unit_price_excl_tax or ZERO,
                "value": line.line_price_excl_tax or ZERO,
                "weight_kg": weight,
            }
        )
    return rows


def context(request):
    order = request.order
    parcel = order.parcels.filter(partner=request.seller).first()
    lines = return_lines(request)
    weight = sum((line["weight_kg"] for line in lines), ZERO)
    return {
        "request": request,
        "order": order,
        "parcel": parcel,
        "seller": request.seller,
        "address": order.shipping_address,
        "buyer_lines": recipient_lines(order.shipping_address),
        "seller_address": sender_address(request.seller),
        "lines": lines,
        "total_value": sum((line["value"] for line in lines), ZERO),
        "total_weight": weight,
        "gross_weight": weight + settings.CUSTOMS_PACKAGING_KG,
        "currency": order.currency,
        "export_invoice": invoices.reference(parcel) if parcel else "",
        "signed_on": timezone.localdate(),
    }


def return_cn23(request):
    """The PDF's bytes (rendered in English, as the outbound papers are)."""
    from weasyprint import HTML

    with translation.override("en"):
        html = render_to_string("shipping/documents/return_cn23.html", context(request))
    return HTML(string=html).write_pdf()
