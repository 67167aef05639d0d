"""Refunding a seller's parcel shipping and DDP duties once all its lines are refunded."""

from decimal import Decimal

import pytest
from oscar.core.loading import get_model

from marketplace.currency.money import convert_from_mad
from marketplace.payments.gateway import stripe_client
from marketplace.payments.models import PaymentRefund
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


def refund_url(order):
    return f"/dashboard/payments/orders/{order.number}/refund/"


def parcel_of(order, line):
    return order.parcels.get(partner_id=line.partner_id)


def expected_parcel_mad(order, parcel):
    duties = sum(
        s.incl_tax for s in order.surcharges.filter(code__startswith=f"duty-{parcel.partner_id}-")
    )
    return parcel.shipping_charge + duties


def test_the_order_has_a_ddp_duty_surcharge_per_parcel(order):
    assert order.parcels.count() == 2
    for parcel in order.parcels.all():
        assert order.surcharges.filter(code__startswith=f"duty-{parcel.partner_id}-").exists()


def test_refund_page_shows_each_parcels_shipping_and_duties(admin_client, order):
    line = order.lines.first()
    parcel = parcel_of(order, line)
    html = admin_client.get(refund_url(order)).content.decode()
    assert 'data-testid="parcel-refunds"' in html
    assert str(expected_parcel_mad(order, parcel)) in html


def test_seller_lines_and_parcel_are_refunded_together(admin_client, order):
    line = order.lines.get(line_price_incl_tax=Decimal("333.33"))
    parcel = parcel_of(order, line)
    amount_mad = expected_parcel_mad(order, parcel)
    response = admin_client.post(
        refund_url(order), {"scope": "lines", "lines": [line.pk], "parcels": [parcel.partner_id]}
    )
    assert response.status_code == 302
    row = PaymentRefund.objects.get(line__isnull=True)
    payment = order.checkout_payment
    assert row.amount_mad == amount_mad
    assert row.amount == convert_from_mad(amount_mad, "EUR", payment.rate).amount
    at_stripe = stripe_client().v1.refunds.retrieve(row.stripe_refund)
    line_row = PaymentRefund.objects.get(line=line)
    assert at_stripe.amount == round((row.amount + line_row.amount) * 100)
    parcel.refresh_from_db()
    assert parcel.shipping_refunded_at is not None


def test_parcel_is_refunded_after_its_lines_were_refunded_earlier(admin_client, order):
    line = order.lines.get(line_price_incl_tax=Decimal("1000.00"))
    parcel = parcel_of(order, line)
    admin_client.post(refund_url(order), {"scope": "lines", "lines": [line.pk]})
    html = admin_client.get(refund_url(order)).content.decode()
    assert "shipping and duties can be refunded" in html
    response = admin_client.post(
        refund_url(order), {"scope": "lines", "parcels": [parcel.partner_id]}
    )
    assert response.status_code == 302
    assert PaymentRefund.objects.get(line__isnull=True).amount_mad == expected_parcel_mad(
        order, parcel
    )


def test_parcel_refund_is_refused_while_a_seller_line_is_not_refunded(admin_client, order):
    line = order.lines.first()
    parcel = parcel_of(order, line)
    response = admin_client.post(
        refund_url(order), {"scope": "lines", "parcels": [parcel.partner_id]}, follow=True
    )
    assert "Refund all of" in response.content.decode()
    assert not PaymentRefund.objects.exists()
    parcel.refresh_from_db()
    assert parcel.shipping_refunded_at is None


def test_parcel_shipping_is_never_refunded_twice(admin_client, order):
    line = order.lines.first()
    parcel = parcel_of(order, line)
    data = {"scope": "lines", "lines": [line.pk], "parcels": [parcel.partner_id]}
    admin_client.post(refund_url(order), data)
    admin_client.post(refund_url(order), {"scope": "lines", "parcels": [parcel.partner_id]})
    assert PaymentRefund.objects.filter(line__isnull=True).count() == 1


def test_full_refund_after_a_parcel_refund_returns_only_the_rest(admin_client, order):
    line = order.lines.first()
    parcel = parcel_of(order, line)
    data = {"scope": "lines", "lines": [line.pk], "parcels": [parcel.partner_id]}
    admin_client.post(refund_url(order), data)
    admin_client.post(refund_url(order), {"scope": "order"})
    payment = order.checkout_payment
    refunded_mad = sum(row.amount_mad for row in PaymentRefund.objects.filter(line__isnull=True))
    assert refunded_mad == order.shipping_incl_tax + order.surcharge_incl_tax
    refunded = sum(row.amount for row in PaymentRefund.objects.all())
    assert abs(refunded - payment.amount) <= Decimal("0.02")
    assert not order.parcels.filter(shipping_refunded_at__isnull=True).exists()


def test_both_parcels_refunds_add_up_to_the_orders_shipping_and_duties(admin_client, order):
    partners = list(order.parcels.values_list("partner_id", flat=True))
    data = {"scope": "lines", "lines": [line.pk for line in order.lines.all()], "parcels": partners}
    assert admin_client.post(refund_url(order), data).status_code == 302
    rows = PaymentRefund.objects.filter(line__isnull=True)
    assert rows.count() == 2
    assert sum(row.amount_mad for row in rows) == order.shipping_incl_tax + order.surcharge_incl_tax


def test_asking_again_for_a_refunded_parcel_shows_an_error(admin_client, order):
    line = order.lines.first()
    parcel = parcel_of(order, line)
    data = {"scope": "lines", "lines": [line.pk], "parcels": [parcel.partner_id]}
    admin_client.post(refund_url(order), data)
    again = {"scope": "lines", "parcels": [parcel.partner_id]}
    response = admin_client.post(refund_url(order), again)
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
