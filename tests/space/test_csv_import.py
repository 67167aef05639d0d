"""CSV import of listings: the file checked at once, each row then created, updated or refused on
its own by the background job, with the reason in the seller's language."""

import csv
import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from oscar.core.loading import get_model

from sellers.space.csv_import import COLUMNS, template_csv
from sellers.space.models import ImportJob
from tests.factories.catalogue import (
    CategoryFactory,
    MaterialFactory,
    SellerFactory,
    TechniqueFactory,
)
from tests.factories.users import member_of

pytestmark = pytest.mark.django_db

Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")
HEADER = [column for column, _field, _help in COLUMNS]


def row(**values):
    base = {
        "title_fr": "Tapis",
        "craft": "rugs",
        "region": "marrakech-safi",
        "materials": "wool",
        "techniques": "hand-knotting",
        "price_mad": "1200.00",
        "stock": "3",
        "weight_kg": "4",
    }
    base.update(values)
    return base


def csv_file(rows, header=HEADER, delimiter=",", encoding="utf-8"):
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=header, delimiter=delimiter, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return SimpleUploadedFile("listings.csv", out.getvalue().encode(encoding), "text/csv")


def errors(response):
    """The file-level errors shown on the import page (nothing was queued)."""
    return [(e.row, e.column, e.message) for e in response.context["errors"]]


def job_of(response):
    assert response.status_code == 302, response.content[:2000]
    return ImportJob.objects.get(pk=int(response["Location"].rstrip("/").rsplit("/", 1)[1]))


def outcomes(response):
    """(line, outcome) of every row of the job the response redirected to."""
    return [(r.line, r.outcome) for r in job_of(response).rows.all()]


def refusals(response):
    """(line, reason) of every refused row."""
    return [(r.line, r.reason) for r in job_of(response).rows.filter(outcome="refused")]


def test_template_download_has_every_column_and_an_example(member):
    response = member.get(reverse("seller_space:import-template"))
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == HEADER
    assert len(rows) == 2


def test_template_example_row_imports(member, seller, send):
    upload = SimpleUploadedFile("t.csv", template_csv(seller).encode(), "text/csv")
    assert outcomes(send(member, upload)) == [(2, "created")]
    record = StockRecord.objects.get(partner=seller)
    assert record.num_in_stock == 1
    assert record.product.is_unique_piece


@pytest.mark.parametrize("language", ["en", "fr", "ar"])
def test_the_served_template_imports_as_served_with_the_live_codes(client, seller, language, send):
    """Issue 16: the served template named a craft code that did not exist."""
    pottery = CategoryFactory(name_en="Pottery", code="pottery", hs_heading="6912")
    seller.craft_branches.add(pottery)
    MaterialFactory(code="clay", name_en="Clay")
    TechniqueFactory(code="wheel-throwing", name_en="Wheel throwing")
    client.force_login(member_of(seller))
    with translation.override(language):
        served = client.get(reverse("seller_space:import-template"))
    upload = SimpleUploadedFile("listings-template.csv", served.content, "text/csv")
    response = send(client, upload, language)
    assert outcomes(response) == [(2, "created")], refusals(response)
    product = StockRecord.objects.get(partner=seller).product
    assert [c.code for c in product.categories.all()] == ["pottery"]
    assert [m.code for m in product.materials.all()] == ["clay"]
    assert (product.weight_kg, product.hs_code) == (Decimal("1.5"), "6912")


@pytest.mark.parametrize("language", ["en", "fr", "ar"])
def test_a_csv_weight_with_three_decimals_is_read_the_same_in_every_language(
    member, language, send
):
    file = csv_file([row(weight_kg="1,250")], delimiter=";")
    assert outcomes(send(member, file, language)) == [(2, "created")]
    assert Product.objects.get().weight_kg == Decimal("1.25")


def test_valid_rows_all_become_listings(member, seller, send):
    response = send(member, csv_file([row(sku="A"), row(sku="B", title_ar="زربية")]))
    assert outcomes(response) == [(2, "created"), (3, "created")]
    assert StockRecord.objects.filter(partner=seller).count() == 2
    assert sorted(Product.objects.values_list("title_en", flat=True)) == ["Tapis", "Tapis"]


def test_a_bad_row_is_refused_alone_and_names_its_column(member, send):
    response = send(member, csv_file([row(), row(price_mad="0"), row()]))
    assert outcomes(response) == [(2, "created"), (3, "refused"), (4, "created")]
    assert [line for line, reason in refusals(response) if reason.startswith("price_mad:")] == [3]
    assert Product.objects.count() == 2


def test_every_bad_row_is_reported(member, send):
    rows = [row(stock="2", unique_piece="yes"), row(craft="nope"), row(title_fr="")]
    response = send(member, csv_file(rows))
    found = {(line, reason.split(":")[0]) for line, reason in refusals(response)}
    assert found == {(2, "stock"), (3, "craft"), (4, "title_en")}


def test_reasons_are_in_the_language_of_the_import_page(member, send):
    response = send(member, csv_file([row(stock="2", unique_piece="oui")]), language="fr")
    assert refusals(response) == [(2, "stock: Une pièce unique a un stock de 0 ou 1.")]


def test_bad_yes_no_value_is_refused(member, send):
    response = send(member, csv_file([row(visible="maybe")]))
    assert [(line, reason.split(":")[0]) for line, reason in refusals(response)] == [(2, "visible")]


def test_same_sku_twice_in_a_file_refuses_the_second_row(member, send):
    response = send(member, csv_file([row(sku="X"), row(sku="X", price_mad="99")]))
    assert outcomes(response) == [(2, "created"), (3, "refused")]
    assert refusals(response) == [(3, "sku: The same reference is on row 2.")]
    assert StockRecord.objects.get().price == Decimal("1200.00")


def test_a_row_with_the_sku_of_a_listing_updates_it(member, seller, send):
    send(member, csv_file([row(sku="R1", price_mad="1200")]))
    response = send(member, csv_file([row(sku="R1", price_mad="1300", stock="5")]))
    assert outcomes(response) == [(2, "updated")]
    record = StockRecord.objects.get(partner=seller)
    assert (record.price, record.num_in_stock) == (Decimal("1300.00"), 5)
    assert job_of(response).rows.get().product == record.product


def test_unknown_and_missing_columns_are_reported_and_nothing_is_queued(member, send):
    header = [name for name in HEADER if name != "price_mad"] + ["colour"]
    response = send(member, csv_file([row()], header=header))
    assert response.status_code == 400
    assert {(r, c) for r, c, _m in errors(response)} == {(1, "colour"), (1, "price_mad")}
    assert not ImportJob.objects.exists()


def test_semicolon_separated_file_with_decimal_commas_imports(member, send):
    file = csv_file([row(price_mad="1250,50", weight_kg="2,5")], delimiter=";")
    assert outcomes(send(member, file)) == [(2, "created")]
    assert str(StockRecord.objects.get().price) == "1250.50"


def test_non_utf8_file_is_refused(member, send):
    file = csv_file([row(title_fr="Théière")], encoding="utf-16")
    assert send(member, file).status_code == 400
    assert not Product.objects.exists()
    assert not ImportJob.objects.exists()


def test_file_without_rows_is_refused(member, send):
    assert send(member, csv_file([])).status_code == 400


def test_row_limit_is_inclusive(member, settings, send):
    settings.SELLER_CSV_MAX_ROWS = 2
    assert send(member, csv_file([row(), row(), row()])).status_code == 400
    assert not Product.objects.exists()
    assert outcomes(send(member, csv_file([row(), row()]))) == [(2, "created"), (3, "created")]
    assert Product.objects.count() == 2


def test_file_size_limit(member, settings, send):
    file = csv_file([row()])
    settings.SELLER_CSV_MAX_BYTES = file.size - 1
    assert send(member, file).status_code == 200
    assert not Product.objects.exists()
    settings.SELLER_CSV_MAX_BYTES = file.size
    file.seek(0)
    assert send(member, file).status_code == 302


def test_a_failure_while_saving_a_row_leaves_no_half_listing(member, monkeypatch, send):
    from sellers.space import csv_import

    calls = []

    def save_then_fail(seller, form):
        calls.append(1)
        product = original(seller, form)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return product

    original = csv_import.write_listing
    monkeypatch.setattr(csv_import, "write_listing", save_then_fail)
    with pytest.raises(RuntimeError):
        send(member, csv_file([row(), row(), row()]))
    assert Product.objects.count() == 1
    job = ImportJob.objects.get()
    assert (job.state, job.rows_done, [r.line for r in job.rows.all()]) == ("running", 1, [2])


def test_imported_listings_belong_to_the_importing_seller_only(member, seller, send):
    other = SellerFactory()
    send(member, csv_file([row()]))
    assert StockRecord.objects.filter(partner=seller).count() == 1
    assert not StockRecord.objects.filter(partner=other).exists()


def test_import_page_renders_in_arabic(member):
    response = member.get("/ar/my-shop/listings/import/")
    assert response.status_code == 200
    assert "rugs" in response.content.decode()


def test_the_served_template_names_a_material_and_technique_its_craft_offers(client, seller, send):
    """A craft with its own lists (``catalog.crafts``) refuses the catalogue's first material:
    the served example takes the craft's own."""
    MaterialFactory(code="wool", name_en="Wool")
    TechniqueFactory(code="knotting", name_en="Knotting")
    pottery = CategoryFactory(name_en="Pottery", code="pottery", hs_heading="6912")
    pottery.materials.add(MaterialFactory(code="clay", name_en="Clay"))
    pottery.techniques.add(TechniqueFactory(code="wheel-throwing", name_en="Wheel throwing"))
    seller.craft_branches.add(pottery)
    client.force_login(member_of(seller))
    served = client.get(reverse("seller_space:import-template"))
    upload = SimpleUploadedFile("listings-template.csv", served.content, "text/csv")
    response = send(client, upload, "en")
    assert outcomes(response) == [(2, "created")], refusals(response)
    product = StockRecord.objects.get(partner=seller).product
    assert [m.code for m in product.materials.all()] == ["clay"]
    assert [t.code for t in product.techniques.all()] == ["wheel-throwing"]
