"""The four papers of a two-line parcel to each destination, every field read back from the PDF:
CN22 (a label), CN23 (one page per copy), commercial invoice and packing list."""

import io
from decimal import Decimal

import pytest
from oscar.core.loading import get_model
from pypdf import PdfReader

from compliance.models import ImportRegime
from sellers.fulfilment import documents
from sellers.fulfilment import parcels as parcel_ops
from sellers.fulfilment.models import Parcel
from shipping import reference_load
from tests.factories.catalogue import ProductFactory
from tests.factories.compliance import CertificateFactory
from tests.factories.orders import place_order
from tests.factories.sellers import EXPORTER_ICE, exporting_cooperative

pytestmark = pytest.mark.django_db

REX = "MAREX1234567890"
IOSS = "IM5040000123"
UK_VAT = "GB123456789"
MM = 72 / 25.4  # PDF points per millimetre
DESTINATIONS = ["US", "FR", "DE", "GB", "CA"]
IMPORTER_REFERENCE = {"US": "—", "FR": f"IOSS {IOSS}", "DE": f"IOSS {IOSS}", "GB": f"VAT {UK_VAT}"}
ORIGIN = {
    "FR": "Origin declaration (EU–Morocco Association Agreement, Protocol 4)",
    "DE": "Origin declaration (EU–Morocco Association Agreement, Protocol 4)",
    "GB": "Origin declaration (UK–Morocco Association Agreement, Protocol 4)",
    "US": "United States–Morocco Free Trade Agreement (HTSUS General Note 27)",
}


@pytest.fixture(autouse=True)
def _customs(settings):
    settings.CUSTOMS_IOSS_NUMBER = IOSS
    settings.CUSTOMS_UK_VAT_NUMBER = UK_VAT
    settings.CUSTOMS_PACKAGING_KG = Decimal("0.300")
    get_model("address", "Country").objects.get_or_create(
        iso_3166_1_a2="MA", defaults={"name": "Morocco", "printable_name": "Morocco"}
    )
    if not ImportRegime.objects.exists():
        reference_load.load(reference_load.current_models)


def two_line_parcel(country, capture):
    seller = exporting_cooperative(
        contact_phone="+212524462233",
        contact_email="export@alfakhar.example",
        exporter_reference=REX,
    )
    plate = ProductFactory(
        title_en="Painted plate",
        hs_code="6912",
        weight_kg=Decimal("0.800"),
        length_cm=Decimal("30"),
        width_cm=Decimal("30"),
        height_cm=Decimal("4"),
        stockrecord__seller=seller,
        stockrecord__price=Decimal("300"),
    )
    box = ProductFactory(
        title_en="Thuya box",
        hs_code="4420",
        weight_kg=Decimal("0.400"),
        stockrecord__seller=seller,
        stockrecord__price=Decimal("125"),
    )
    CertificateFactory(partner=seller, products=[plate], standard="EN 1388-1")
    order = place_order([(plate, 1), (box, 2)], country=country)
    order.guest_email = "jane.buyer@example.com"
    order.save()
    order.shipping_address.phone_number = "+14155550123"
    order.shipping_address.save()
    with capture(execute=True):
        (parcel,) = parcel_ops.create_parcels(order)
    return Parcel.objects.get(pk=parcel.pk)


def read(pdf):
    reader = PdfReader(io.BytesIO(pdf))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    return reader, text


def papers(parcel):
    context = documents.paper_context(parcel)
    return {
        kind: read(documents.render_pdf(kind, {**context, "kind": kind}))
        for kind in ("cn22", "cn23", "invoice", "packing_list")
    }


@pytest.fixture(params=DESTINATIONS)
def rendered(request, django_capture_on_commit_callbacks):
    parcel = two_line_parcel(request.param, django_capture_on_commit_callbacks)
    return request.param, parcel, papers(parcel)


def invoice_ref(parcel):
    return f"S{parcel.partner_id:04d}-{parcel.invoice_number:06d}"


def assert_parties(text, parcel):
    address = parcel.order.shipping_address
    assert "Cooperative Al Fakhar" in text and "Cooperative Al Fakhar SCOOP" in text
    assert "12 Derb Chaaba" in text and "46000" in text and "Safi" in text
    assert "+212524462233" in text and "export@alfakhar.example" in text
    assert f"ICE {EXPORTER_ICE}" in text
    assert text.count(address.salutation) == 1
    assert "12 Harbor Street" in text and "Boston" in text and "02110" in text
    assert "+14155550123" in text and "jane.buyer@example.com" in text


def assert_lines(text):
    assert "Painted plate" in text and "6912" in text and "300.00 MAD" in text
    assert "Thuya box" in text and "4420" in text and "250.00 MAD" in text


def test_the_cn22_is_a_label_with_every_field_of_the_form(rendered):
    country, parcel, found = rendered
    reader, text = found["cn22"]
    (page,) = reader.pages
    assert (round(float(page.mediabox.width) / MM), round(float(page.mediabox.height) / MM)) == (
        100,
        150,
    )
    assert "CN 22" in text and "CUSTOMS DECLARATION" in text and "DÉCLARATION EN DOUANE" in text
    assert_parties(text, parcel)
    assert "☒ Sale of goods / Vente de marchandises" in text
    for other in ("Gift", "Commercial sample", "Documents", "Returned goods", "Other"):
        assert f"☐ {other}" in text
    assert "Quantity and detailed description of contents (1)" in text
    assert "1 × Painted plate" in text and "2 × Thuya box" in text
    assert_lines(text)
    assert "0.800" in text and "Morocco (MA)" in text
    assert "Total gross weight (kg) (6) / Poids brut total 1.900" in text
    assert "Total net weight (kg) / Poids net total 1.600" in text
    assert "Total value (7) / Valeur totale 550.00 MAD" in text
    assert IMPORTER_REFERENCE.get(country, "—") in text
    assert "Lab test report EN 1388-1, LPEE Casablanca" in text
    assert f"Invoice No. / N° de facture {invoice_ref(parcel)}" in text
    assert "certify that the particulars given in this declaration are correct" in text
    assert "Date and sender's signature (8)" in text


def test_the_cn23_set_has_a_labelled_page_per_copy_with_every_field(rendered):
    country, parcel, found = rendered
    reader, text = found["cn23"]
    assert len(reader.pages) == len(documents.CN23_COPIES)
    for page, (english, french) in zip(reader.pages, documents.CN23_COPIES, strict=True):
        page_text = " ".join(page.extract_text().split())
        assert f"{english} / {french}" in page_text
        assert_parties(page_text, parcel)
        assert_lines(page_text)
        assert "Total gross weight (kg) (4) / Poids brut total 1.900" in page_text
        assert "Total value (6) / Valeur totale 550.00 MAD" in page_text
        charges = f"Postalcharges/Fees(9)/Fraisdeport/Frais{parcel.shipping_charge:.2f}MAD"
        assert charges in page_text.replace(" ", "")
        assert "☒ Sale of goods / Vente de marchandises" in page_text
        assert "Lab test report EN 1388-1, LPEE Casablanca" in page_text
        assert invoice_ref(parcel) in page_text
        assert "Office of origin/Date of posting" in page_text and "Safi, MA" in page_text
        assert "☒ Return to sender / Renvoyer à l'expéditeur" in page_text
        assert "Date and sender's signature (15)" in page_text
        assert IMPORTER_REFERENCE.get(country, "—") in page_text
    assert "CN 23" in text and "Copy for the sender / Copie pour l'expéditeur" in text


def test_the_invoice_has_seller_buyer_terms_lines_weights_and_the_origin_statement(rendered):
    country, parcel, found = rendered
    _reader, text = found["invoice"]
    assert "Commercial invoice" in text
    assert_parties(text, parcel)
    assert_lines(text)
    assert f"Invoice No {invoice_ref(parcel)}" in text
    assert "Reason for export: Sale of goods" in text and "Currency: MAD" in text
    assert f"Terms of delivery: {parcel.incoterm}" in text
    assert "Gross weight (kg): 1.900 · Net weight (kg): 1.600" in text
    if country in ORIGIN:
        assert ORIGIN[country] in text and REX in text
    else:
        assert "Origin declaration" not in text and "Country of origin: Morocco" in text


def test_the_packing_list_has_contents_quantities_and_weights(rendered):
    _country, parcel, found = rendered
    _reader, text = found["packing_list"]
    assert "Packing list" in text and "Package 1 of 1" in text
    assert_parties(text, parcel)
    assert "Painted plate" in text and "Thuya box" in text
    assert f"Invoice No {invoice_ref(parcel)}" in text
    assert "30 × 30 × 4 cm" in text
    assert "Net weight (kg): 1.600 · Gross weight (kg): 1.900" in text
