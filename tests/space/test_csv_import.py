"""CSV import of listings: every row validated, per-row errors, all or nothing, limits."""

import csv
import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from oscar.core.loading import get_model

from sellers.space.csv_import import COLUMNS, template_csv
from tests.factories.catalogue import (
    CategoryFactory,
    MaterialFactory,
    RegionFactory,
    SellerFactory,
    TechniqueFactory,
    rug_craft,
)
from tests.factories.users import member_of

pytestmark = pytest.mark.django_db

Product = get_model("catalogue", "Product")
StockRecord = get_model("partner", "StockRecord")
HEADER = [column for column, _field, _help in COLUMNS]


@pytest.fixture
def seller():
    return SellerFactory()


@pytest.fixture
def member(client, seller):
    rug_craft()
    RegionFactory()
    MaterialFactory()
    TechniqueFactory()
    client.force_login(member_of(seller))
    return client


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


def send(client, file, language="en"):
    return client.post(f"/{language}/my-shop/listings/import/", {"file": file})


def errors(response):
    return [(e.row, e.column, e.message) for e in response.context["errors"]]


def test_template_download_has_every_column_and_an_example(member):
    response = member.get(reverse("seller_space:import-template"))
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == HEADER
    assert len(rows) == 2


def test_template_example_row_imports(member, seller):
    upload = SimpleUploadedFile("t.csv", template_csv(seller).encode(), "text/csv")
    assert send(member, upload).status_code == 302
    record = StockRecord.objects.get(partner=seller)
    assert record.num_in_stock == 1
    assert record.product.is_unique_piece


@pytest.mark.parametrize("language", ["en", "fr", "ar"])
def test_the_served_template_imports_as_served_with_the_live_codes(client, seller, language):
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
    assert response.status_code == 302, errors(response)
    product = StockRecord.objects.get(partner=seller).product
    assert [c.code for c in product.categories.all()] == ["pottery"]
    assert [m.code for m in product.materials.all()] == ["clay"]
    assert (product.weight_kg, product.hs_code) == (Decimal("1.5"), "6912")


@pytest.mark.parametrize("language", ["en", "fr", "ar"])
def test_a_csv_weight_with_three_decimals_is_read_the_same_in_every_language(member, language):
    file = csv_file([row(weight_kg="1,250")], delimiter=";")
    assert send(member, file, language).status_code == 302
    assert Product.objects.get().weight_kg == Decimal("1.25")


def test_valid_rows_all_become_listings(member, seller):
    response = send(member, csv_file([row(sku="A"), row(sku="B", title_ar="زربية")]))
    assert response.status_code == 302
    assert StockRecord.objects.filter(partner=seller).count() == 2
    assert sorted(Product.objects.values_list("title_en", flat=True)) == ["Tapis", "Tapis"]


def test_one_bad_row_imports_nothing_and_names_row_and_column(member):
    response = send(member, csv_file([row(), row(price_mad="0"), row()]))
    assert response.status_code == 400
    assert not Product.objects.exists()
    assert [(r, c) for r, c, _m in errors(response)] == [(3, "price_mad")]


def test_every_bad_row_is_reported(member):
    rows = [row(stock="2", unique_piece="yes"), row(craft="nope"), row(title_fr="")]
    found = {(r, c) for r, c, _m in errors(send(member, csv_file(rows)))}
    assert found == {(2, "stock"), (3, "craft"), (4, "title_en")}


def test_errors_are_translated(member):
    response = send(member, csv_file([row(stock="2", unique_piece="oui")]), language="fr")
    assert [m for _r, _c, m in errors(response)] == ["Une pièce unique a un stock de 0 ou 1."]


def test_bad_yes_no_value_is_an_error(member):
    assert [(r, c) for r, c, _m in errors(send(member, csv_file([row(visible="maybe")])))] == [
        (2, "visible")
    ]


def test_same_sku_twice_in_a_file_is_refused(member):
    response = send(member, csv_file([row(sku="X"), row(sku="X")]))
    assert [(r, c) for r, c, _m in errors(response)] == [(3, "sku")]
    assert not Product.objects.exists()


def test_unknown_and_missing_columns_are_reported(member):
    header = [name for name in HEADER if name != "price_mad"] + ["colour"]
    found = {(r, c) for r, c, _m in errors(send(member, csv_file([row()], header=header)))}
    assert found == {(1, "colour"), (1, "price_mad")}


def test_semicolon_separated_file_with_decimal_commas_imports(member):
    file = csv_file([row(price_mad="1250,50", weight_kg="2,5")], delimiter=";")
    assert send(member, file).status_code == 302
    assert str(StockRecord.objects.get().price) == "1250.50"


def test_non_utf8_file_is_refused(member):
    file = csv_file([row(title_fr="Théière")], encoding="utf-16")
    assert send(member, file).status_code == 400
    assert not Product.objects.exists()


def test_file_without_rows_is_refused(member):
    assert send(member, csv_file([])).status_code == 400


def test_row_limit_is_inclusive(member, settings):
    settings.SELLER_CSV_MAX_ROWS = 2
    assert send(member, csv_file([row(), row(), row()])).status_code == 400
    assert not Product.objects.exists()
    assert send(member, csv_file([row(), row()])).status_code == 302
    assert Product.objects.count() == 2


def test_file_size_limit(member, settings):
    file = csv_file([row()])
    settings.SELLER_CSV_MAX_BYTES = file.size - 1
    assert send(member, file).status_code == 200
    assert not Product.objects.exists()
    settings.SELLER_CSV_MAX_BYTES = file.size
    file.seek(0)
    assert send(member, file).status_code == 302


def test_failure_while_saving_rolls_everything_back(member, monkeypatch):
    from sellers.space import csv_import

    calls = []

    def save_then_fail(seller, form):
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return original(seller, form)

    original = csv_import.save_listing
    monkeypatch.setattr(csv_import, "save_listing", save_then_fail)
    with pytest.raises(RuntimeError):
        send(member, csv_file([row(), row()]))
    assert not Product.objects.exists()


def test_imported_listings_belong_to_the_importing_seller_only(member, seller):
    other = SellerFactory()
    send(member, csv_file([row()]))
    assert StockRecord.objects.filter(partner=seller).count() == 1
    assert not StockRecord.objects.filter(partner=other).exists()


def test_import_page_renders_in_arabic(member):
    response = member.get("/ar/my-shop/listings/import/")
    assert response.status_code == 200
    assert "rugs" in response.content.decode()
