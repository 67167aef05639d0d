"""The seller's own order lines, grouped by order, and its fulfilment through the views."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from sellers.fulfilment.models import Parcel
from sellers.fulfilment.parcels import parcel_for
from sellers.fulfilment.services import advance, ship
from tests.factories.catalogue import SellerFactory
from tests.factories.orders import order_for, product_of
from tests.factories.users import member_of

pytestmark = pytest.mark.django_db

Status = Parcel.Status


@pytest.fixture
def seller():
    return SellerFactory(name="Atelier Tazi")


@pytest.fixture
def other():
    return SellerFactory(name="Cooperative Amal")


@pytest.fixture
def member(client, seller):
    client.force_login(member_of(seller))
    return client


@pytest.fixture
def shared_order(seller, other):
    """One order with a line from each seller."""
    return order_for(
        product_of(seller, title_en="Brass lantern"), product_of(other, title_en="Argan oil")
    )


def detail(client, order):
    return client.get(reverse("seller_space:order", args=[order.number]))


def move(client, order, status, **data):
    url = reverse("seller_space:order-status", args=[order.number])
    return client.post(url, {"status": status, **data})


def test_list_shows_orders_with_the_sellers_lines_only(member, seller, other, shared_order):
    order_for(product_of(other))
    response = member.get(reverse("seller_space:orders"))
    orders = list(response.context["orders"])
    assert orders == [shared_order]
    assert [line.title for line in orders[0].seller_lines] == ["Brass lantern"]
    assert "Argan oil" not in response.content.decode()


def test_detail_shows_own_lines_and_shipping_address_only(member, shared_order):
    html = detail(member, shared_order).content.decode()
    assert "Brass lantern" in html
    assert "Argan oil" not in html
    assert "Lyon" in html and "+33612345678" in html
    assert "claire.buyer@example.com" not in html


def test_order_without_the_sellers_lines_is_404(member, other):
    theirs = order_for(product_of(other))
    assert detail(member, theirs).status_code == 404
    assert move(member, theirs, Status.IN_PREPARATION).status_code == 404
    assert not Parcel.objects.filter(order=theirs).exclude(partner=other).exists()


def test_unknown_order_number_is_404(member):
    assert member.get(reverse("seller_space:order", args=["NOPE"])).status_code == 404


def test_seller_moves_its_own_fulfilment_only(member, seller, other, shared_order):
    move(member, shared_order, Status.IN_PREPARATION)
    assert parcel_for(shared_order, seller).status == Status.IN_PREPARATION
    assert parcel_for(shared_order, other).status == Status.PAID


def test_shipping_through_the_view_records_tracking(member, seller, shared_order):
    move(member, shared_order, Status.IN_PREPARATION)
    move(member, shared_order, Status.SHIPPED, service="ems", tracking_number="EE123456789MA")
    fulfilment = parcel_for(shared_order, seller)
    assert (fulfilment.status, fulfilment.service.carrier.code, fulfilment.tracking_number) == (
        Status.SHIPPED,
        "barid",
        "EE123456789MA",
    )
    assert "EE123456789MA" in detail(member, shared_order).content.decode()


@pytest.mark.parametrize("tracking", ["", "12345", "EE 123", "x" * 41])
def test_bad_tracking_number_is_refused(member, seller, shared_order, tracking):
    move(member, shared_order, Status.IN_PREPARATION)
    response = move(
        member, shared_order, Status.SHIPPED, service="dhl-express", tracking_number=tracking
    )
    assert response.status_code == 400
    assert parcel_for(shared_order, seller).status == Status.IN_PREPARATION


def test_skipping_a_step_through_the_view_is_refused(member, seller, shared_order):
    response = move(member, shared_order, Status.DELIVERED)
    assert response.status_code == 302
    assert parcel_for(shared_order, seller).status == Status.PAID


def test_shipment_that_cannot_be_credited_is_refused_with_a_message(member, seller):
    order = order_for(product_of(seller), currency="EUR")
    fulfilment = parcel_for(order, seller)
    advance(fulfilment, Status.IN_PREPARATION)
    response = move(
        member, order, Status.SHIPPED, service="dhl-express", tracking_number="JD01460000"
    )
    assert response.status_code == 302
    fulfilment.refresh_from_db()
    assert fulfilment.status == Status.IN_PREPARATION
    assert not fulfilment.events.filter(to_status=Status.SHIPPED).exists()


def test_unknown_status_is_refused(member, seller, shared_order):
    move(member, shared_order, "lost")
    assert parcel_for(shared_order, seller).status == Status.PAID


def test_status_filter(member, seller):
    first = order_for(product_of(seller))
    second = order_for(product_of(seller))
    advance(parcel_for(second, seller), Status.IN_PREPARATION)
    url = reverse("seller_space:orders")
    assert list(member.get(url, {"status": "paid"}).context["orders"]) == [first]
    assert list(member.get(url, {"status": "in_preparation"}).context["orders"]) == [second]


def test_order_list_query_count_does_not_grow_with_orders(member, seller, other):
    order_for(product_of(seller), product_of(other))
    url = reverse("seller_space:orders")
    member.get(url)
    with CaptureQueriesContext(connection) as few:
        member.get(url)
    for _ in range(5):
        order_for(product_of(seller), product_of(seller))
    with CaptureQueriesContext(connection) as many:
        response = member.get(url)
    assert len(response.context["orders"]) == 6
    assert len(many) == len(few)


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_order_pages_render_in_arabic_and_french(member, shared_order, language):
    assert member.get(f"/{language}/my-shop/orders/").status_code == 200
    url = f"/{language}/my-shop/orders/{shared_order.number}/"
    assert member.get(url).status_code == 200


def shipped(seller, order):
    fulfilment = parcel_for(order, seller)
    advance(fulfilment, Status.IN_PREPARATION)
    ship(fulfilment, "dhl-express", "JD01460000")
    return fulfilment


def test_marking_delivered_asks_for_confirmation_first(member, seller, shared_order):
    fulfilment = shipped(seller, shared_order)
    response = move(member, shared_order, Status.DELIVERED)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'name="status" value="delivered"' in html and 'name="confirmed" value="yes"' in html
    assert 'class="space-nav"' in html
    fulfilment.refresh_from_db()
    assert fulfilment.status == Status.SHIPPED


def test_confirmed_delivery_is_recorded_and_credited(member, seller, shared_order):
    fulfilment = shipped(seller, shared_order)
    response = move(member, shared_order, Status.DELIVERED, confirmed="yes")
    assert response.status_code == 302
    fulfilment.refresh_from_db()
    assert fulfilment.status == Status.DELIVERED
    assert seller.ledger_entries.exists()
