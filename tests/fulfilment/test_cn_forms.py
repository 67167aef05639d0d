"""CN22 and CN23: every field a post-office clerk checks, read back from the PDF."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone
from oscar.core.loading import get_model

from sellers.fulfilment import documents
from sellers.fulfilment import parcels as parcel_ops
from sellers.fulfilment.models import Parcel
from tests.factories.catalogue import ProductFactory
from tests.factories.orders import place_order
from tests.factories.sellers import EXPORTER_ICE, exporting_cooperative
from tests.fulfilment.test_parcel_creation import pdf_text

pytestmark = pytest.mark.django_db
ICE = EXPORTER_ICE


@pytest.fixture
def seller():
    return exporting_cooperative(contact_phone="+212524462233")


def paper(seller, kind, settings, capture):
    settings.CUSTOMS_CN22_MAX_MAD = Decimal("100000") if kind == "cn22" else Decimal("1")
    lines = [
        (
            ProductFactory(
                title_en=title,
                hs_code=hs,
                weight_kg=Decimal(weight),
                stockrecord__seller=seller,
                stockrecord__price=Decimal(price),
            ),
            1,
        )
        for title, hs, weight, price in (
            ("Painted plate", "6913", "0.800", "300"),
            ("Thuya box", "4420", "0.400", "250"),
        )
    ]
    order = place_order(lines, country="FR")
    with capture(execute=True):
        (parcel,) = parcel_ops.create_parcels(order)
    parcel = Parcel.objects.get(pk=parcel.pk)
    return parcel, " ".join(pdf_text(parcel.documents.get(kind=kind)).split())


@pytest.fixture(autouse=True)
def _morocco(db):
    get_model("address", "Country").objects.get_or_create(
        iso_3166_1_a2="MA", defaults={"name": "Morocco", "printable_name": "Morocco"}
    )


@pytest.mark.parametrize("kind", ["cn22", "cn23"])
def test_the_form_names_the_sender_in_latin_script_with_street_phone_and_ice(
    seller, kind, settings, django_capture_on_commit_callbacks
):
    _parcel, text = paper(seller, kind, settings, django_capture_on_commit_callbacks)
    assert "Cooperative Al Fakhar" in text and "Cooperative Al Fakhar SCOOP" in text
    assert "12 Derb Chaaba" in text and "46000" in text and "Safi" in text
    assert "+212524462233" in text.replace(" ", "") or "+212 524" in text
    assert f"ICE {ICE}" in text


@pytest.mark.parametrize("kind", ["cn22", "cn23"])
def test_the_form_names_the_recipient_once_with_the_address(
    seller, kind, settings, django_capture_on_commit_callbacks
):
    parcel, text = paper(seller, kind, settings, django_capture_on_commit_callbacks)
    address = parcel.order.shipping_address
    pages = 1 if kind == "cn22" else len(documents.CN23_COPIES)
    assert text.count(address.salutation) == pages
    assert address.line1 in text


@pytest.mark.parametrize("kind", ["cn22", "cn23"])
def test_the_form_gives_net_and_gross_weight_invoice_number_and_a_signature_line(
    seller, kind, settings, django_capture_on_commit_callbacks
):
    settings.CUSTOMS_PACKAGING_KG = Decimal("0.300")
    parcel, text = paper(seller, kind, settings, django_capture_on_commit_callbacks)
    assert "Poids net total 1.200" in text and "Poids brut total 1.500" in text
    assert f"N° de facture S{seller.pk:04d}-{parcel.invoice_number:06d}" in text or (
        f"N° de la facture S{seller.pk:04d}-{parcel.invoice_number:06d}" in text
    )
    assert "certify that the particulars given in this declaration are correct" in text
    today = timezone.localdate()
    dates = {today.isoformat(), (today - datetime.timedelta(days=1)).isoformat()}
    assert "Date et signature de l'expéditeur" in text
    assert any(day in text.split("Date et signature de l'expéditeur")[1] for day in dates)


@pytest.mark.parametrize("kind", ["cn22", "cn23"])
def test_the_form_lists_each_line_with_hs_code_value_and_origin(
    seller, kind, settings, django_capture_on_commit_callbacks
):
    _parcel, text = paper(seller, kind, settings, django_capture_on_commit_callbacks)
    assert "Painted plate" in text and "6913" in text and "300.00 MAD" in text
    assert "Thuya box" in text and "4420" in text and "250.00 MAD" in text
    assert "Country of origin of goods" in text and "Morocco (MA)" in text
