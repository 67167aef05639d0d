"""One shipment record: the seller space's shipped step and the parcel page drive each other."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from sellers.fulfilment import parcels as parcel_ops
from sellers.fulfilment import services
from sellers.fulfilment.models import Parcel
from sellers.fulfilment.parcels import parcel_for
from sellers.fulfilment.services import advance
from shipping.models import Carrier, SellerShipping, Service
from tests.factories.catalogue import ProductFactory, SellerFactory
from tests.factories.orders import place_order
from tests.factories.users import member_of

pytestmark = pytest.mark.django_db

Status = Parcel.Status


@pytest.fixture
def seller():
    return SellerFactory(name="Atelier Safi", city="Safi")


@pytest.fixture
def other():
    return SellerFactory(name="Cooperative Amal", city="Fès")


@pytest.fixture
def member(client, seller):
    client.force_login(member_of(seller))
    return client


def piece_of(seller, title="Painted vase"):
    return ProductFactory(
        title=title,
        title_en=title,
        hs_code="6913",
        weight_kg=Decimal("0.8"),
        stockrecord__seller=seller,
        stockrecord__price=Decimal("300"),
    )


def order_of(*sellers):
    return place_order([(piece_of(seller, f"Piece of {seller.name}"), 1) for seller in sellers])


def preparing(order, seller):
    return advance(parcel_for(order, seller), Status.IN_PREPARATION)


def ship_in_space(client, order, service="ems", tracking="EE123456789MA"):
    url = reverse("seller_space:order-status", args=[order.number])
    data = {"status": Status.SHIPPED, "service": service, "tracking_number": tracking}
    return client.post(url, data, follow=True)


def dispatch_on_parcel_page(client, parcel):
    url = reverse("fulfilment:parcel-dispatch", args=[parcel.pk])
    return client.post(url, {"confirmed": "yes"}, follow=True)


def require_packing_check(seller):
    SellerShipping.objects.create(partner=seller, packing_check_required=True)


def test_shipped_step_writes_carrier_and_tracking_to_the_sellers_parcel(member, seller, other):
    order = order_of(seller, other)
    parcel_ops.create_parcels(order)
    preparing(order, seller)
    ship_in_space(member, order, service="dhl-express", tracking="1234567890")
    parcel = Parcel.objects.get(order=order, partner=seller)
    assert (parcel.service.code, parcel.tracking_number) == ("dhl-express", "1234567890")
    assert parcel.shipped_at is not None
    fulfilment = parcel_for(order, seller)
    assert (fulfilment.status, fulfilment.service.carrier.code) == (Status.SHIPPED, "dhl")
    theirs = Parcel.objects.get(order=order, partner=other)
    assert (theirs.tracking_number, theirs.shipped_at) == ("", None)


def test_shipped_step_opens_the_parcel_of_an_order_placed_without_one(member, seller):
    order = order_of(seller)
    preparing(order, seller)
    ship_in_space(member, order)
    parcel = Parcel.objects.get(order=order, partner=seller)
    assert (parcel.service.code, parcel.tracking_number, parcel.origin_city) == (
        "ems",
        "EE123456789MA",
        "Safi",
    )


def test_buyer_tracking_link_follows_the_shipped_step(member, seller):
    order = order_of(seller)
    preparing(order, seller)
    ship_in_space(member, order, service="dhl-express", tracking="1234567890")
    url = reverse("fulfilment:order-tracking", args=[order.number])
    html = member.get(f"{url}?hash={order.verification_hash()}").content.decode()
    assert "https://www.dhl.com/ma-en/home/tracking.html?tracking-id=1234567890" in html


def test_carrier_choices_come_from_the_carrier_table(member, seller):
    order = order_of(seller)
    preparing(order, seller)
    carrier = Carrier.objects.create(code="ctm", name="CTM Messagerie")
    Service.objects.create(
        carrier=carrier,
        code="ctm-intl",
        name="International",
        transit_days_min=5,
        transit_days_max=9,
    )
    html = member.get(reverse("seller_space:order", args=[order.number])).content.decode()
    assert "CTM Messagerie" in html and 'value="ctm-intl"' in html
    ship_in_space(member, order, service="ctm-intl", tracking="CTM123456")
    assert parcel_for(order, seller).service.carrier.code == "ctm"


def test_an_inactive_service_is_refused(member, seller):
    order = order_of(seller)
    preparing(order, seller)
    Service.objects.filter(code="ems").update(is_active=False)
    assert ship_in_space(member, order, service="ems").status_code == 400
    assert parcel_for(order, seller).status == Status.IN_PREPARATION
    assert not Parcel.objects.filter(order=order, tracking_number="EE123456789MA").exists()


def test_shipped_step_out_of_turn_leaves_the_parcel_untouched(member, seller):
    order = order_of(seller)
    (parcel,) = parcel_ops.create_parcels(order)
    ship_in_space(member, order)  # still "paid": shipping must follow preparation
    parcel.refresh_from_db()
    assert (parcel.tracking_number, parcel.shipped_at) == ("", None)
    assert parcel_for(order, seller).status == Status.PAID


def test_parcel_dispatch_marks_the_fulfilment_shipped(client, seller):
    order = order_of(seller)
    (parcel,) = parcel_ops.create_parcels(order)
    preparing(order, seller)
    user = member_of(seller)
    client.force_login(user)
    client.post(
        reverse("fulfilment:parcel-tracking", args=[parcel.pk]),
        {"service": "aramex-priority", "tracking_number": "AX-998877"},
    )
    dispatch_on_parcel_page(client, parcel)
    fulfilment = parcel_for(order, seller)
    assert (fulfilment.status, fulfilment.service.carrier.code, fulfilment.tracking_number) == (
        Status.SHIPPED,
        "aramex",
        "AX-998877",
    )
    assert fulfilment.events.get(to_status=Status.SHIPPED).actor == user


def test_parcel_dispatch_of_a_paid_order_records_preparation_then_shipping(member, seller):
    order = order_of(seller)
    (parcel,) = parcel_ops.create_parcels(order)
    services.set_tracking(parcel, "ems", "EE123456789MA")
    dispatch_on_parcel_page(member, parcel)
    fulfilment = parcel_for(order, seller)
    assert list(fulfilment.events.values_list("to_status", flat=True)) == [
        Status.PAID,
        Status.IN_PREPARATION,
        Status.SHIPPED,
    ]


def test_parcel_dispatch_without_a_service_is_refused_with_a_message(member, seller):
    order = order_of(seller)
    preparing(order, seller)
    parcel = parcel_ops.parcel_for(order, seller)
    Parcel.objects.filter(pk=parcel.pk).update(tracking_number="EE123456789MA")
    html = dispatch_on_parcel_page(member, parcel).content.decode()
    assert "Choose a carrier service" in html
    assert parcel_for(order, seller).status == Status.IN_PREPARATION


def test_packing_check_blocks_the_shipped_step_with_a_clear_message(member, seller):
    require_packing_check(seller)
    order = order_of(seller)
    parcel_ops.create_parcels(order)
    preparing(order, seller)
    html = ship_in_space(member, order).content.decode()
    assert "must pass its packing check before it is shipped" in html
    parcel = Parcel.objects.get(order=order)
    assert (parcel.tracking_number, parcel.shipped_at) == ("", None)
    assert parcel_for(order, seller).status == Status.IN_PREPARATION


def test_packing_check_blocks_the_shipped_step_of_an_order_placed_without_a_parcel(member, seller):
    require_packing_check(seller)
    order = order_of(seller)
    preparing(order, seller)
    ship_in_space(member, order)
    assert parcel_for(order, seller).status == Status.IN_PREPARATION


def test_packing_check_blocks_the_parcel_dispatch_and_the_fulfilment(member, seller):
    require_packing_check(seller)
    order = order_of(seller)
    (parcel,) = parcel_ops.create_parcels(order)
    preparing(order, seller)
    services.set_tracking(parcel, "ems", "EE123456789MA")
    html = dispatch_on_parcel_page(member, parcel).content.decode()
    assert "must pass its packing check" in html
    assert parcel_for(order, seller).status == Status.IN_PREPARATION


def test_once_the_leader_confirms_the_packing_the_shipped_step_goes_through(client, seller):
    require_packing_check(seller)
    leader = member_of(seller)
    leader.user_permissions.add(Permission.objects.get(codename="check_parcel"))
    order = order_of(seller)
    (parcel,) = parcel_ops.create_parcels(order)
    preparing(order, seller)
    client.force_login(leader)
    client.post(reverse("fulfilment:parcel-check", args=[parcel.pk]))
    ship_in_space(client, order)
    assert parcel_for(order, seller).status == Status.SHIPPED


def test_tracking_of_a_dispatched_parcel_cannot_change(member, seller):
    order = order_of(seller)
    preparing(order, seller)
    ship_in_space(member, order)
    parcel = Parcel.objects.get(order=order)
    member.post(
        reverse("fulfilment:parcel-tracking", args=[parcel.pk]),
        {"service": "dhl-express", "tracking_number": "1234567890"},
    )
    parcel.refresh_from_db()
    assert (parcel.service.code, parcel.tracking_number) == ("ems", "EE123456789MA")


def test_order_page_links_to_the_parcel_and_its_customs_papers(
    member, seller, other, django_capture_on_commit_callbacks
):
    order = order_of(seller, other)
    with django_capture_on_commit_callbacks(execute=True):
        parcel_ops.create_parcels(order)
    mine = Parcel.objects.get(order=order, partner=seller)
    theirs = Parcel.objects.get(order=order, partner=other)
    html = member.get(reverse("seller_space:order", args=[order.number])).content.decode()
    assert reverse("fulfilment:parcel", args=[mine.pk]) in html
    for document in mine.documents.all():
        assert reverse("fulfilment:document", args=[document.pk]) in html
    assert mine.documents.exists()
    for document in theirs.documents.all():
        assert reverse("fulfilment:document", args=[document.pk]) not in html
    link = reverse("fulfilment:document", args=[mine.documents.first().pk])
    assert member.get(link).status_code == 200


def test_seller_cannot_dispatch_another_sellers_parcel(member, seller, other):
    order = order_of(seller, other)
    parcel_ops.create_parcels(order)
    theirs = Parcel.objects.get(order=order, partner=other)
    services.set_tracking(theirs, "ems", "EE123456789MA")
    url = reverse("fulfilment:parcel-dispatch", args=[theirs.pk])
    assert member.post(url, {"confirmed": "yes"}).status_code == 404
    assert member.get(url).status_code == 404
    theirs.refresh_from_db()
    assert theirs.shipped_at is None
    assert parcel_for(order, other).status == Status.PAID


def test_seller_cannot_ship_or_open_another_sellers_order(member, other):
    order = order_of(other)
    advance(parcel_for(order, other), Status.IN_PREPARATION)
    assert ship_in_space(member, order).status_code == 404
    assert member.get(reverse("seller_space:order", args=[order.number])).status_code == 404
    assert parcel_for(order, other).status == Status.IN_PREPARATION
    assert not Parcel.objects.filter(order=order).exclude(tracking_number="").exists()


def test_seller_cannot_set_tracking_on_another_sellers_parcel(member, other):
    (theirs,) = parcel_ops.create_parcels(order_of(other))
    response = member.post(
        reverse("fulfilment:parcel-tracking", args=[theirs.pk]),
        {"service": "ems", "tracking_number": "EE123456789MA"},
    )
    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.tracking_number == ""


def test_orders_page_queries_stay_constant_with_parcels(member, seller):
    def shipped_order():
        order = order_of(seller)
        preparing(order, seller)
        ship_in_space(member, order)

    shipped_order()
    url = reverse("seller_space:orders")
    member.get(url)
    with CaptureQueriesContext(connection) as few:
        member.get(url)
    for _ in range(4):
        shipped_order()
    with CaptureQueriesContext(connection) as many:
        response = member.get(url)
    assert len(response.context["orders"]) == 5
    assert "EE123456789MA" in response.content.decode()
    assert len(many) == len(few)


def test_repeating_the_shipped_step_keeps_the_first_record(member, seller):
    order = order_of(seller)
    preparing(order, seller)
    ship_in_space(member, order)
    ship_in_space(member, order, service="dhl-express", tracking="1234567890")
    parcel = Parcel.objects.get(order=order)
    fulfilment = parcel_for(order, seller)
    assert (parcel.service.code, parcel.tracking_number) == ("ems", "EE123456789MA")
    assert (fulfilment.service.carrier.code, fulfilment.tracking_number) == (
        "barid",
        "EE123456789MA",
    )
    assert fulfilment.events.filter(to_status=Status.SHIPPED).count() == 1


@pytest.mark.parametrize(
    "typed", ["EE123456789MA", "ee 123 456 789 ma", "EE ١٢٣ ٤٥٦ ٧٨٩ MA", "EE۱۲۳۴۵۶۷۸۹MA"]
)
def test_a_tracking_number_is_stored_in_western_digits_without_spaces(member, seller, typed):
    order = order_of(seller)
    preparing(order, seller)
    ship_in_space(member, order, tracking=typed)
    assert Parcel.objects.get(order=order).tracking_number == "EE123456789MA"


def test_the_packing_list_is_offered_beside_the_other_papers_to_its_seller_only(
    member, seller, other, django_capture_on_commit_callbacks
):
    order = order_of(seller, other)
    with django_capture_on_commit_callbacks(execute=True):
        parcel_ops.create_parcels(order)
    mine = Parcel.objects.get(order=order, partner=seller).documents.get(kind="packing_list")
    theirs = Parcel.objects.get(order=order, partner=other).documents.get(kind="packing_list")
    link = reverse("fulfilment:document", args=[mine.pk])
    order_page = member.get(reverse("seller_space:order", args=[order.number])).content.decode()
    parcel_page = member.get(reverse("fulfilment:parcel", args=[mine.parcel_id])).content
    assert link in order_page and link in parcel_page.decode()
    assert b"".join(member.get(link).streaming_content).startswith(b"%PDF")
    assert member.get(reverse("fulfilment:document", args=[theirs.pk])).status_code == 404
