"""The freight papers of a wholesale order, once its cartons are in (``freight.papers_ready``):

- the consolidated packing list (PDF): every seller's cartons, numbered 1 to N over the order,
  each with its contents, dimensions and weights;
- each seller's commercial invoice with its origin statement, rendered by the customs module's
  own builder (``sellers.fulfilment.documents.render_pdf``) from the order's accepted lines;
- the export declaration data (DUM lodged in BADR by the forwarder or customs broker): one row
  per line, with the exporter's ICE, HS code, quantity, value in MAD, net and gross weights
  (each carton's weights shared out on its contents by pieces, so the rows add up to the
  cartons), Incoterm, destination country and port of loading. No government API is called.

The papers are in English, the customs language, as the parcels' papers.
"""

import csv
import io
from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal
from types import SimpleNamespace

from django.template.loader import render_to_string
from django.utils import timezone, translation

from sellers.fulfilment.documents import DocumentLine, english_title, sender_address
from sellers.fulfilment.documents import render_pdf as render_customs_pdf
from wholesale import freight
from wholesale.models import FreightQuote

GRAM = Decimal("0.001")
CENT = Decimal("0.01")
ZERO = Decimal("0")
ORIGIN_COUNTRY = "MA"

COLUMNS = (
    "order_reference",
    "invoice_number",
    "exporter_ice",
    "exporter_legal_name",
    "exporter_name",
    "exporter_city",
    "consignee_name",
    "consignee_address",
    "consignee_country",
    "destination_country",
    "port_of_loading",
    "incoterm",
    "line_number",
    "hs_code",
    "description",
    "origin_country",
    "quantity",
    "cartons",
    "net_weight_kg",
    "gross_weight_kg",
    "value_mad",
)


def _kg(value):
    return Decimal(value).quantize(GRAM, rounding=ROUND_HALF_UP)


def _shares(total, weights):
    """``total`` shared out in proportion to ``weights``, to the gram; the shares add up."""
    whole = sum(weights)
    shares = [_kg(total * weight / whole) for weight in weights[:-1]]
    return [*shares, _kg(total) - sum(shares, ZERO)]


def invoice_number(order, seller):
    return f"{order.reference}-{seller.pk}"


def packing_list_context(order):
    cartons = list(freight.order_cartons(order))
    rows = []
    for index, carton in enumerate(cartons, start=1):
        contents = [
            {
                "description": english_title(item.line.stockrecord.product),
                "hs_code": item.line.stockrecord.product.effective_hs_code,
                "quantity": item.quantity,
            }
            for item in carton.items.all()
        ]
        rows.append({"index": index, "carton": carton, "contents": contents})
    destination = order.request.destination
    return {
        "order": order,
        "company": order.company,
        "destination": destination,
        "incoterm": order.request.incoterm,
        "port_of_loading": freight.PORT_OF_LOADING,
        "rows": rows,
        "carton_count": len(cartons),
        "pieces": sum(row["quantity"] for r in rows for row in r["contents"]),
        "gross_kg": sum((carton.gross_kg for carton in cartons), ZERO),
        "net_kg": sum((carton.net_kg for carton in cartons), ZERO),
        "volume": freight.volume_of(
            (carton.length_cm, carton.width_cm, carton.height_cm) for carton in cartons
        ),
        "issued_on": timezone.localdate(),
    }


def render_packing_list(order):
    from weasyprint import HTML

    with translation.override("en"):
        html = render_to_string("wholesale/packing_list.html", packing_list_context(order))
    return HTML(string=html).write_pdf()


def line_weights(order):
    """{line id: (net kg, gross kg, cartons)}: each carton's weights shared on its items."""
    net, gross, cartons = defaultdict(Decimal), defaultdict(Decimal), defaultdict(int)
    for carton in freight.order_cartons(order):
        items = list(carton.items.all())
        pieces = [item.quantity for item in items]
        shares = zip(
            items, _shares(carton.net_kg, pieces), _shares(carton.gross_kg, pieces), strict=True
        )
        for item, net_share, gross_share in shares:
            net[item.line_id] += net_share
            gross[item.line_id] += gross_share
            cartons[item.line_id] += 1
    return {pk: (_kg(net[pk]), _kg(gross[pk]), cartons[pk]) for pk in net}


def sellers_of(order):
    found = {}
    for line in freight.accepted_lines(order):
        found.setdefault(line.quote.seller_id, line.quote.seller)
    return list(found.values())


def _consignee(order):
    destination = order.request.destination
    lines = [destination.line1, destination.line2, f"{destination.postcode} {destination.city}"]
    return [line.strip() for line in lines if line.strip()] + [destination.country]


def invoice_context(order, seller):
    """The customs module's invoice context for ``seller``'s part of the order."""
    weights = line_weights(order)
    lines = [line for line in freight.accepted_lines(order) if line.quote.seller_id == seller.pk]
    rows = [
        DocumentLine(
            description=english_title(line.stockrecord.product),
            hs_code=line.stockrecord.product.effective_hs_code,
            quantity=line.quantity,
            unit_value=line.unit_price,
            value=line.line_total,
            weight_kg=weights.get(line.pk, (ZERO, ZERO, 0))[0],
            dimensions="",
        )
        for line in lines
    ]
    total_value = sum((row.value for row in rows), ZERO)
    net = sum((weights.get(line.pk, (ZERO, ZERO, 0))[0] for line in lines), ZERO)
    gross = sum((weights.get(line.pk, (ZERO, ZERO, 0))[1] for line in lines), ZERO)
    destination = order.request.destination
    today = timezone.localdate()
    address = SimpleNamespace(
        salutation=order.company.name, phone_number="", country_id=destination.country
    )
    return {
        "parcel": SimpleNamespace(
            incoterm=_incoterm_place(order),
            shipping_charge=freight_share(order, seller),
            service=None,
            tracking_number="",
        ),
        "order": SimpleNamespace(number=order.reference, date_placed=order.created_at),
        "seller": seller,
        "address": address,
        "buyer_email": "",
        "lines": rows,
        "total_value": total_value,
        "total_weight": net,
        "gross_weight": gross,
        "piece_count": sum(row.quantity for row in rows),
        "sender_address": sender_address(seller),
        "recipient_lines": _consignee(order),
        "signed_on": today,
        "currency": "MAD",
        "invoice_number": invoice_number(order, seller),
        # The company imports under its own number (no IOSS: a business import).
        "importer_reference": f"{order.company.get_number_scheme_display()} {order.company.number}",
        "certificates": [],
    }


def _incoterm_place(order):
    incoterm = order.request.incoterm
    if incoterm in ("FCA", "FOB"):
        return f"{incoterm} {freight.PORT_OF_LOADING}"
    quote = FreightQuote.objects.filter(order=order).first()
    if incoterm == "CIF" and quote is not None and quote.port:
        return f"CIF {quote.port}"
    if incoterm in ("DAP", "DDP"):
        return f"{incoterm} {order.request.destination.city}"
    return incoterm


def freight_share(order, seller):
    """The seller's share of the order's freight quote, by the volume of its cartons."""
    quote = FreightQuote.objects.filter(order=order).first()
    if quote is None:
        return ZERO
    cartons = list(order.cartons.all())
    volumes = [carton.volume for carton in cartons]
    total = sum(volumes, ZERO)
    if not total:
        return ZERO
    own = sum((c.volume for c in cartons if c.seller_id == seller.pk), ZERO)
    return (quote.amount * own / total).quantize(CENT, rounding=ROUND_HALF_UP)


def render_invoice(order, seller):
    return render_customs_pdf("invoice", invoice_context(order, seller))


def declaration_rows(order):
    weights = line_weights(order)
    destination = order.request.destination
    consignee = _consignee(order)
    rows = []
    for number, line in enumerate(freight.accepted_lines(order), start=1):
        seller = line.quote.seller
        net, gross, cartons = weights.get(line.pk, (ZERO, ZERO, 0))
        rows.append(
            {
                "order_reference": order.reference,
                "invoice_number": invoice_number(order, seller),
                "exporter_ice": seller.ice,
                "exporter_legal_name": seller.legal_name,
                "exporter_name": seller.export_name,
                "exporter_city": seller.city,
                "consignee_name": order.company.name,
                "consignee_address": ", ".join(consignee),
                "consignee_country": destination.country,
                "destination_country": destination.country,
                "port_of_loading": freight.PORT_OF_LOADING_CODE,
                "incoterm": _incoterm_place(order),
                "line_number": number,
                "hs_code": line.stockrecord.product.effective_hs_code,
                "description": english_title(line.stockrecord.product),
                "origin_country": ORIGIN_COUNTRY,
                "quantity": line.quantity,
                "cartons": cartons,
                "net_weight_kg": str(net),
                "gross_weight_kg": str(gross),
                "value_mad": str(Decimal(line.line_total).quantize(CENT)),
            }
        )
    return rows


def as_csv(rows):
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS)
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()
