"""Commercial invoices: a number per seller that never repeats or skips, and the origin
statement for the destination when the seller has an exporter reference."""

from decimal import Decimal

import pytest
from django.db import connection

from sellers.fulfilment import invoices
from sellers.fulfilment import parcels as parcel_ops
from sellers.fulfilment.models import Parcel
from tests.factories.catalogue import ProductFactory, SellerFactory
from tests.factories.orders import place_order
from tests.fulfilment.test_parcel_creation import pdf_text
from tests.space.test_concurrency import run_together

REX = "MAREX1234567890"


def parcel_to(seller, country="US", capture=None):
    product = ProductFactory(
        title_en="Painted vase",
        hs_code="6913",
        weight_kg=Decimal("0.8"),
        stockrecord__seller=seller,
        stockrecord__price=Decimal("300"),
    )
    order = place_order([(product, 1)], country=country)
    with capture(execute=True):
        (parcel,) = parcel_ops.create_parcels(order)
    return Parcel.objects.get(pk=parcel.pk)


def invoice_text(parcel):
    return " ".join(pdf_text(parcel.documents.get(kind="invoice")).split())


@pytest.fixture
def seller(db):
    return SellerFactory(name="Atelier Safi", city="Safi", legal_name="Atelier Safi SARL")


@pytest.fixture
def exporter(db):
    return SellerFactory(name="Poterie Fès", city="Fès", exporter_reference=REX)


@pytest.mark.django_db
def test_each_seller_numbers_its_invoices_from_one_without_gaps(
    seller, django_capture_on_commit_callbacks
):
    other = SellerFactory()
    first = parcel_to(seller, capture=django_capture_on_commit_callbacks)
    elsewhere = parcel_to(other, capture=django_capture_on_commit_callbacks)
    second = parcel_to(seller, capture=django_capture_on_commit_callbacks)
    assert (first.invoice_number, second.invoice_number) == (1, 2)
    assert elsewhere.invoice_number == 1


@pytest.mark.django_db
def test_papers_made_again_keep_the_parcel_number(seller, django_capture_on_commit_callbacks):
    from sellers.fulfilment import documents

    parcel = parcel_to(seller, capture=django_capture_on_commit_callbacks)
    parcel.documents.all().delete()
    documents.generate(parcel)
    assert Parcel.objects.get(pk=parcel.pk).invoice_number == 1
    assert invoices.allocate(parcel_to(seller, capture=django_capture_on_commit_callbacks)) == 2


@pytest.mark.django_db
def test_the_invoice_shows_its_number(seller, django_capture_on_commit_callbacks):
    parcel = parcel_to(seller, capture=django_capture_on_commit_callbacks)
    assert f"Invoice No S{seller.pk:04d}-000001" in invoice_text(parcel)


@pytest.mark.django_db
def test_invoice_to_the_eu_carries_the_eu_morocco_origin_declaration(
    exporter, django_capture_on_commit_callbacks
):
    text = invoice_text(parcel_to(exporter, "FR", capture=django_capture_on_commit_callbacks))
    assert "Origin declaration (EU–Morocco Association Agreement, Protocol 4)" in text
    assert (
        f"The exporter of the products covered by this document (customs or competent "
        f"governmental authorisation No {REX}) declares that, except where otherwise clearly "
        f"indicated, these products are of Moroccan preferential origin."
    ) in text
    assert "Fès" in text


@pytest.mark.django_db
def test_invoice_to_the_uk_carries_the_uk_morocco_origin_declaration(
    exporter, django_capture_on_commit_callbacks
):
    text = invoice_text(parcel_to(exporter, "GB", capture=django_capture_on_commit_callbacks))
    assert "Origin declaration (UK–Morocco Association Agreement, Protocol 4)" in text
    assert f"authorisation No {REX}) declares" in text
    assert "EU–Morocco" not in text


@pytest.mark.django_db
def test_invoice_to_the_us_carries_the_us_morocco_fta_marking(
    exporter, django_capture_on_commit_callbacks
):
    text = invoice_text(parcel_to(exporter, "US", capture=django_capture_on_commit_callbacks))
    assert "Made in Morocco" in text
    assert "United States–Morocco Free Trade Agreement (HTSUS General Note 27)" in text
    assert 'special program indicator "MA"' in text and REX in text
    assert "preferential origin." not in text


@pytest.mark.django_db
def test_without_an_exporter_reference_no_preferential_statement_is_printed(
    seller, django_capture_on_commit_callbacks
):
    text = invoice_text(parcel_to(seller, "FR", capture=django_capture_on_commit_callbacks))
    assert "preferential origin" not in text and "Origin declaration" not in text
    assert "Country of origin: Morocco" in text


@pytest.mark.django_db
def test_a_country_without_an_agreement_text_gets_none(
    exporter, django_capture_on_commit_callbacks
):
    text = invoice_text(parcel_to(exporter, "CA", capture=django_capture_on_commit_callbacks))
    assert "Origin declaration" not in text and "Country of origin: Morocco" in text


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_parcels_of_one_seller_take_a_gapless_set_of_numbers():
    from sellers.fulfilment.models import InvoiceCounter
    from sellers.fulfilment.models import Parcel as ParcelModel
    from shipping import reference_load
    from shipping.models import Service

    if not Service.objects.exists():
        reference_load.load(reference_load.current_models)
    seller = SellerFactory()
    parcels = []
    for _ in range(8):
        order = place_order([(ProductFactory(stockrecord__seller=seller), 1)])
        parcels.extend(parcel_ops.create_parcels(order))
    # Papers made on commit took numbers one by one: start again from none, all at once.
    ParcelModel.objects.filter(partner=seller).update(invoice_number=None)
    InvoiceCounter.objects.filter(partner=seller).delete()
    queue = list(parcels)

    def take():
        return invoices.allocate(ParcelModel.objects.get(pk=queue.pop().pk))

    results = run_together(take, count=8)
    assert sorted(results) == list(range(1, 9)), results
    assert connection.vendor == "postgresql"
