"""An order's status follows what happens to it: the payment, each parcel, each refund; buyer
and staff read it in their language; orders from before the pipeline get their true status."""

import importlib

import pytest
from django.apps import apps as django_apps
from oscar.core.loading import get_model

from marketplace.order_status import pipeline as P
from sellers.fulfilment.models import Parcel
from sellers.fulfilment.parcels import create_parcels
from sellers.fulfilment.services import advance, set_tracking
from tests.factories.catalogue import SellerFactory
from tests.factories.checkout import CountryFactory, start_payment, unique_piece, walk_to_preview
from tests.factories.orders import order_for, product_of
from tests.factories.users import UserFactory

Order = get_model("order", "Order")
OrderStatusChange = get_model("order", "OrderStatusChange")
pytestmark = pytest.mark.django_db
Status = Parcel.Status


def status_of(order):
    return Order.objects.values_list("status", flat=True).get(pk=order.pk)


def ship(parcel):
    advance(parcel, Status.IN_PREPARATION)
    set_tracking(parcel, "dhl-express", "JD0146000033")
    return advance(parcel, Status.SHIPPED)


@pytest.fixture
def two_parcels():
    """A paid order of two sellers' pieces: two parcels."""
    order = order_for(product_of(SellerFactory()), product_of(SellerFactory()), status=P.PAID)
    first, second = create_parcels(order)
    return order, first, second


@pytest.fixture
def placed(eur_buyer, stripe_api):
    """An order paid through the real checkout (two sellers, two parcels)."""
    CountryFactory()
    pieces = [unique_piece("1000.00", seller=SellerFactory()), unique_piece("333.33")]
    walk_to_preview(eur_buyer, pieces)
    eur_buyer.get(start_payment(eur_buyer).json()["return_url"])
    return Order.objects.get()


def refund(admin_client, order, capture, **data):
    with capture(execute=True):
        response = admin_client.post(f"/dashboard/payments/orders/{order.number}/refund/", data)
    assert response.status_code == 302


def test_placing_a_paid_order_moves_it_from_pending_payment_to_paid(placed):
    assert placed.status == P.PAID
    change = OrderStatusChange.objects.get(order=placed)
    assert (change.old_status, change.new_status) == (P.PENDING_PAYMENT, P.PAID)


def test_an_order_stays_paid_while_its_parcels_wait(two_parcels):
    order, _first, _second = two_parcels
    assert status_of(order) == P.PAID


def test_one_parcel_in_preparation_puts_the_order_in_fulfilment(two_parcels):
    order, first, _second = two_parcels
    advance(first, Status.IN_PREPARATION)
    assert status_of(order) == P.IN_FULFILMENT


def test_one_of_two_parcels_shipped_is_still_in_fulfilment(two_parcels):
    order, first, _second = two_parcels
    ship(first)
    assert status_of(order) == P.IN_FULFILMENT


def test_every_parcel_shipped_makes_the_order_shipped(two_parcels):
    order, first, second = two_parcels
    ship(first)
    ship(second)
    assert status_of(order) == P.SHIPPED


def test_one_of_two_parcels_delivered_is_still_shipped(two_parcels):
    order, first, second = two_parcels
    ship(first)
    ship(second)
    advance(first, Status.DELIVERED)
    assert status_of(order) == P.SHIPPED


def test_every_parcel_delivered_makes_the_order_delivered(two_parcels):
    order, first, second = two_parcels
    for parcel in (first, second):
        ship(parcel)
        advance(parcel, Status.DELIVERED)
    assert status_of(order) == P.DELIVERED
    moves = OrderStatusChange.objects.filter(order=order).order_by("pk")
    assert [m.new_status for m in moves] == [P.IN_FULFILMENT, P.SHIPPED, P.DELIVERED]


def test_refunding_one_line_makes_the_order_partially_refunded(
    admin_client, placed, django_capture_on_commit_callbacks
):
    line = placed.lines.first()
    refund(admin_client, placed, django_capture_on_commit_callbacks, scope="lines", lines=[line.pk])
    assert status_of(placed) == P.PARTIALLY_REFUNDED


def test_refunding_everything_before_any_parcel_left_cancels_the_order(
    admin_client, placed, django_capture_on_commit_callbacks
):
    refund(admin_client, placed, django_capture_on_commit_callbacks, scope="order")
    assert status_of(placed) == P.CANCELLED


def test_refunding_everything_after_a_parcel_shipped_makes_it_refunded(
    admin_client, placed, django_capture_on_commit_callbacks
):
    ship(placed.parcels.first())
    refund(admin_client, placed, django_capture_on_commit_callbacks, scope="order")
    assert status_of(placed) == P.REFUNDED


def test_a_partial_then_the_remaining_refund_makes_it_refunded(
    admin_client, placed, django_capture_on_commit_callbacks
):
    ship(placed.parcels.first())
    line = placed.lines.first()
    refund(admin_client, placed, django_capture_on_commit_callbacks, scope="lines", lines=[line.pk])
    assert status_of(placed) == P.PARTIALLY_REFUNDED
    refund(admin_client, placed, django_capture_on_commit_callbacks, scope="order")
    assert status_of(placed) == P.REFUNDED


def test_staff_mark_a_delivered_order_completed_and_nothing_else(admin_client, two_parcels):
    order, first, second = two_parcels
    url = f"/dashboard/orders/{order.number}/"
    page = admin_client.get(url).content.decode()
    assert 'id="id_new_status"' not in page  # paid: the status follows events only
    for parcel in (first, second):
        ship(parcel)
        advance(parcel, Status.DELIVERED)
    page = admin_client.get(url).content.decode()
    assert '<option value="completed">Completed</option>' in page
    admin_client.post(url, {"order_action": "change_order_status", "new_status": P.COMPLETED})
    assert status_of(order) == P.COMPLETED


def test_the_buyer_reads_the_status_in_their_language(client, two_parcels):
    order, first, _second = two_parcels
    buyer = UserFactory()
    Order.objects.filter(pk=order.pk).update(user=buyer)
    ship(first)
    client.force_login(buyer)
    page = client.get(f"/fr/accounts/orders/{order.number}/").content.decode()
    assert 'data-testid="order-status">En cours de préparation</p>' in page
    assert "in_fulfilment<" not in page


def test_staff_read_the_status_in_their_language(admin_client, two_parcels):
    order, first, second = two_parcels
    ship(first)
    ship(second)
    url = f"/dashboard/orders/{order.number}/"
    page = admin_client.get(url, HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    assert 'data-testid="order-status">تم الشحن</td>' in page
    listing = admin_client.get("/dashboard/orders/", HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "<td>Enviado</td>" in listing


def migration():
    return importlib.import_module(
        "marketplace.order_status.migrations.0001_existing_orders_get_their_true_status"
    )


def test_the_migration_gives_old_orders_their_true_status_and_reverses_to_none(two_parcels):
    order, first, second = two_parcels
    ship(first)
    ship(second)
    waiting = order_for(product_of(SellerFactory()))
    create_parcels(waiting)
    Order.objects.update(status="")
    migration().set_true_statuses(django_apps, None)
    assert (status_of(order), status_of(waiting)) == (P.SHIPPED, P.PAID)
    migration().clear_statuses(django_apps, None)
    assert set(Order.objects.values_list("status", flat=True)) == {""}


def stage_rank(status):
    status = P.DELIVERED if status == P.COMPLETED else status
    return P.STAGES.index(status) if status in P.STAGES else 0


def test_every_status_the_rule_gives_is_a_move_the_pipeline_allows():
    """From any paid status and any facts (refunds only grow), the rule stays or moves along
    the pipeline, so ``Order.set_status`` never refuses it."""
    from marketplace.order_status.rules import fulfilment_stage, status_from_facts

    parcel_sets = [[], ["paid"], ["paid", "in_preparation"], ["shipped", "paid"], ["shipped"]]
    parcel_sets += [["delivered", "shipped"], ["delivered"]]
    refund_levels = {P.PARTIALLY_REFUNDED: ((1, 1), (2, 2)), P.REFUNDED: ((2, 2),)}
    for current in set(P.PIPELINE) - {P.PENDING_PAYMENT}:
        reached = [p for p in parcel_sets if stage_rank(fulfilment_stage(p)) >= stage_rank(current)]
        for parcels in reached:
            for refunded, refunds in refund_levels.get(current, ((0, 0), (1, 1), (2, 2))):
                found = status_from_facts(current, True, parcels, 2, refunded, refunds)
                allowed = {current, *P.PIPELINE[current]}
                assert found in allowed, (current, parcels, refunded, found)
    assert status_from_facts(P.PENDING_PAYMENT, True, [], 2, 0, 0) in P.PIPELINE[P.PENDING_PAYMENT]
    assert status_from_facts(P.PENDING_PAYMENT, False, [], 2, 0, 0) == P.PENDING_PAYMENT
