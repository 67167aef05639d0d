"""Refunds from the dashboard: per seller line or whole order, at the order's locked rate."""

from decimal import Decimal

import pytest
from oscar.core.loading import get_model

from marketplace.currency.money import convert_from_mad
from marketplace.payments.gateway import stripe_client
from marketplace.payments.models import PaymentRefund
from marketplace.payments.signals import line_refunded
from tests.factories.catalogue import SellerFactory
from tests.factories.checkout import CountryFactory, start_payment, unique_piece, walk_to_preview

Order = get_model("order", "Order")
pytestmark = pytest.mark.django_db


@pytest.fixture
def order(eur_buyer, stripe_api):
    CountryFactory()
    pieces = [unique_piece("1000.00", seller=SellerFactory()), unique_piece("333.33")]
    walk_to_preview(eur_buyer, pieces)
    eur_buyer.get(start_payment(eur_buyer).json()["return_url"])
    return Order.objects.get()


@pytest.fixture
def received():
    calls = []

    def receiver(sender, line, amount_mad, reference, **kwargs):
        calls.append((line.pk, amount_mad, reference))

    line_refunded.connect(receiver)
    yield calls
    line_refunded.disconnect(receiver)


def refund_url(order):
    return f"/dashboard/payments/orders/{order.number}/refund/"


def test_staff_refunds_one_seller_line_at_the_order_rate(
    admin_client, order, received, django_capture_on_commit_callbacks
):
    line = order.lines.get(line_price_incl_tax=Decimal("333.33"))
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(refund_url(order), {"scope": "lines", "lines": [line.pk]})
    assert response.status_code == 302
    refund = PaymentRefund.objects.get()
    payment = order.checkout_payment
    expected = convert_from_mad(Decimal("333.33"), "EUR", payment.rate)
    assert refund.amount == expected.amount and refund.amount_mad == Decimal("333.33")
    at_stripe = stripe_client().v1.refunds.retrieve(refund.stripe_refund)
    assert at_stripe.amount == expected.minor_units
    assert received == [(line.pk, Decimal("333.33"), refund.stripe_refund)]


def test_a_line_is_never_refunded_twice(admin_client, order):
    line = order.lines.first()
    admin_client.post(refund_url(order), {"scope": "lines", "lines": [line.pk]})
    admin_client.post(refund_url(order), {"scope": "lines", "lines": [line.pk]})
    assert PaymentRefund.objects.filter(line=line).count() == 1


def test_full_refund_returns_the_remaining_lines_and_the_shipping(
    admin_client, order, received, django_capture_on_commit_callbacks
):
    first = order.lines.first()
    admin_client.post(refund_url(order), {"scope": "lines", "lines": [first.pk]})
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(refund_url(order), {"scope": "order"})
    payment = order.checkout_payment
    refunded = sum(row.amount for row in PaymentRefund.objects.all())
    assert PaymentRefund.objects.filter(line__isnull=True).get().amount_mad == (
        order.shipping_incl_tax + order.surcharge_incl_tax
    )
    assert abs(refunded - payment.amount) <= Decimal("0.02")
    assert [pk for pk, _amount, _ref in received] == [
        line.pk for line in order.lines.exclude(pk=first.pk)
    ]


def test_a_fully_refunded_order_cannot_be_refunded_again(admin_client, order):
    admin_client.post(refund_url(order), {"scope": "order"})
    response = admin_client.post(refund_url(order), {"scope": "order"}, follow=True)
    assert "already fully refunded" in response.content.decode()
    assert PaymentRefund.objects.values("stripe_refund").distinct().count() == 1


def test_the_dashboard_order_page_links_to_refunds(admin_client, order):
    response = admin_client.get(f"/dashboard/orders/{order.number}/")
    assert refund_url(order) in response.content.decode()


def test_a_non_staff_user_cannot_refund(client, order, django_user_model):
    user = django_user_model.objects.create_user("shopper", "s@example.com", "pw-123456")
    client.force_login(user)
    response = client.post(refund_url(order), {"scope": "order"})
    assert response.status_code == 302 and "login" in response.url
    assert not PaymentRefund.objects.exists()
