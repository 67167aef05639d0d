"""Export declaration data for the forwarder: every column of a two-line parcel, only the
seller's own parcels, and a day's file with that seller's parcels of that day."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from oscar.core.loading import get_model

from sellers.fulfilment.declaration import COLUMNS
from sellers.fulfilment.models import Parcel
from sellers.fulfilment.parcels import parcel_for
from shipping.models import Carrier, Service
from tests.factories.catalogue import ProductFactory, SellerFactory
from tests.factories.orders import place_order
from tests.factories.sellers import EXPORTER_ICE, exporting_cooperative
from tests.factories.users import member_of

pytestmark = pytest.mark.django_db
ICE = EXPORTER_ICE


@pytest.fixture
def seller():
    return exporting_cooperative()


@pytest.fixture(autouse=True)
def _morocco(db):
    get_model("address", "Country").objects.get_or_create(
        iso_3166_1_a2="MA", defaults={"name": "Morocco", "printable_name": "Morocco"}
    )


@pytest.fixture
def ems():
    carrier = Carrier.objects.create(code="amana-t", name="Amana")
    return Service.objects.create(
        carrier=carrier,
        code="ems-t",
        name="EMS",
        is_postal=True,
        transit_days_min=4,
        transit_days_max=8,
    )


def piece(seller, title, hs, weight, price):
    return ProductFactory(
        title=title,
        title_en=title,
        hs_code=hs,
        weight_kg=Decimal(weight),
        stockrecord__seller=seller,
        stockrecord__price=Decimal(price),
    )


def two_line_parcel(seller, service=None):
    order = place_order(
        [
            (piece(seller, "Painted plate", "6913", "0.800", "300"), 2),
            (piece(seller, "Thuya box", "4420", "0.400", "250"), 1),
        ],
        country="US",
    )
    parcel = parcel_for(order, seller)
    if service:
        Parcel.objects.filter(pk=parcel.pk).update(service=service, tracking_number="EE1MA")
    return Parcel.objects.get(pk=parcel.pk)


def read_csv(response):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.DictReader(io.StringIO(content.decode())))


def test_a_two_line_parcels_file_has_every_column_right(client, seller, ems, settings):
    settings.CUSTOMS_PACKAGING_KG = Decimal("0.300")
    parcel = two_line_parcel(seller, ems)
    client.force_login(member_of(seller))
    response = client.get(reverse("fulfilment:parcel-declaration", args=[parcel.pk, "csv"]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = read_csv(response)
    assert list(rows[0]) == list(COLUMNS)
    common = {
        "order_number": parcel.order.number,
        "invoice_number": f"S{seller.pk:04d}-000001",
        "invoice_date": parcel.created.date().isoformat(),
        "exporter_ice": ICE,
        "exporter_legal_name": "Cooperative Al Fakhar SCOOP",
        "exporter_name": "Cooperative Al Fakhar",
        "exporter_address": "12 Derb Chaaba, Safi, 46000",
        "exporter_city": "Safi",
        "consignee_name": "Jane Buyer",
        "consignee_address": "12 Harbor Street, Boston, 02110, US",
        "consignee_country": "US",
        "destination_country": "US",
        "transport_mode": "postal",
        "transport_means": "air",
        "carrier": "Amana",
        "service": "EMS",
        "tracking_number": "EE1MA",
        "incoterm": "DAP",
        "origin_country": "MA",
        "invoice_currency": "MAD",
    }
    assert rows == [
        {
            **common,
            "line_number": "1",
            "hs_code": "6913",
            "description": "Painted plate",
            "quantity": "2",
            "net_weight_kg": "1.600",
            "gross_weight_kg": "1.840",
            "value_mad": "600.00",
            "invoice_amount": "600.00",
        },
        {
            **common,
            "line_number": "2",
            "hs_code": "4420",
            "description": "Thuya box",
            "quantity": "1",
            "net_weight_kg": "0.400",
            "gross_weight_kg": "0.460",
            "value_mad": "250.00",
            "invoice_amount": "250.00",
        },
    ]


def test_the_json_file_carries_the_same_rows(client, seller, ems):
    parcel = two_line_parcel(seller, ems)
    client.force_login(member_of(seller))
    csv_rows = read_csv(
        client.get(reverse("fulfilment:parcel-declaration", args=[parcel.pk, "csv"]))
    )
    data = client.get(reverse("fulfilment:parcel-declaration", args=[parcel.pk, "json"])).json()
    assert data["columns"] == list(COLUMNS)
    assert [{k: str(v) for k, v in row.items()} for row in data["rows"]] == csv_rows


def test_another_sellers_parcel_is_not_found(client, seller):
    parcel = two_line_parcel(SellerFactory())
    client.force_login(member_of(seller))
    for fmt in ("csv", "json"):
        url = reverse("fulfilment:parcel-declaration", args=[parcel.pk, fmt])
        assert client.get(url).status_code == 404


def test_the_day_file_holds_only_that_sellers_parcels_of_that_day(client, seller):
    today = two_line_parcel(seller)
    yesterday = two_line_parcel(seller)
    Parcel.objects.filter(pk=yesterday.pk).update(
        created=yesterday.created - datetime.timedelta(days=1)
    )
    elsewhere = two_line_parcel(SellerFactory())
    client.force_login(member_of(seller))
    day = today.created.date()
    rows = read_csv(client.get(reverse("fulfilment:day-declaration", args=[day, "csv"])))
    assert {row["order_number"] for row in rows} == {today.order.number}
    assert len(rows) == 2
    assert elsewhere.order.number not in {row["order_number"] for row in rows}


def test_the_day_file_of_another_seller_is_not_found(client, seller):
    other = SellerFactory()
    two_line_parcel(other)
    client.force_login(member_of(seller))
    url = reverse("fulfilment:day-declaration", args=[datetime.date.today(), "csv"])
    assert client.get(url, {"seller": other.pk}).status_code == 404


def test_the_parcel_page_links_its_declaration_data(client, seller):
    parcel = two_line_parcel(seller)
    client.force_login(member_of(seller))
    page = client.get(reverse("fulfilment:parcel", args=[parcel.pk])).content.decode()
    assert reverse("fulfilment:parcel-declaration", args=[parcel.pk, "csv"]) in page
