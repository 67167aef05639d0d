"""The freight the sellers pay for (CIF, DAP, DDP) is charged to the buyer as its own payment,
due before shipment: made by the freight quote, following it while unpaid, final once paid."""

from decimal import Decimal

import pytest

from tests.factories.freight import freight_order, rate
from tests.factories.users import UserFactory
from tests.wholesale.test_freight import pack_all
from wholesale import freight, orders
from wholesale.freight import FreightError
from wholesale.models import WholesalePayment

pytestmark = pytest.mark.django_db


def freight_payment(order):
    return order.payments.filter(kind=WholesalePayment.FREIGHT).first()


@pytest.fixture
def packed():
    order, buyer, sellers = freight_order("DAP")
    pack_all(order, sellers)
    rate()
    return order, buyer, sellers


def test_a_freight_quote_makes_a_freight_payment_of_its_amount(packed):
    order, _buyer, _sellers = packed
    quote = freight.quote_from_rate(order.pk, UserFactory(is_staff=True))
    payment = freight_payment(order)
    assert (payment.amount, payment.paid_at) == (quote.amount, None)


def test_an_override_updates_the_unpaid_freight_payment(packed):
    order, _buyer, _sellers = packed
    freight.quote_from_rate(order.pk, None)
    freight.override_quote(order.pk, None, Decimal("3100"))
    assert order.payments.filter(kind=WholesalePayment.FREIGHT).count() == 1
    assert freight_payment(order).amount == Decimal("3100.00")


def test_a_carton_change_drops_the_computed_quote_and_its_unpaid_payment(packed):
    order, _buyer, sellers = packed
    freight.quote_from_rate(order.pk, None)
    carton = order.cartons.filter(seller=sellers["rugs"], number=2).get()
    freight.remove_carton(order.pk, sellers["rugs"], carton.pk)
    assert freight_payment(order) is None


def test_once_the_freight_is_paid_its_quote_and_the_cartons_are_final(packed):
    order, _buyer, sellers = packed
    freight.quote_from_rate(order.pk, None)
    orders.confirm_payment(freight_payment(order).pk, UserFactory(is_staff=True))
    carton = order.cartons.filter(seller=sellers["rugs"], number=2).get()
    with pytest.raises(FreightError):
        freight.override_quote(order.pk, None, Decimal("1"))
    with pytest.raises(FreightError):
        freight.remove_carton(order.pk, sellers["rugs"], carton.pk)
    assert freight_payment(order).amount == Decimal("2500.00")


def test_the_order_waits_for_the_freight_once_the_goods_are_paid(packed):
    order, _buyer, _sellers = packed
    staff = UserFactory(is_staff=True)
    orders.confirm_payment(order.payments.get(kind=WholesalePayment.BALANCE).pk, staff)
    freight.quote_from_rate(order.pk, None)
    assert str(orders.status(order)) == "Packed: freight due before shipment"
    orders.confirm_payment(freight_payment(order).pk, staff)
    assert str(orders.status(order)) == "Paid"


def test_the_buyer_sees_the_freight_in_the_schedule_and_can_pay_it_by_card(client, packed):
    order, buyer, _sellers = packed
    staff = UserFactory(is_staff=True)
    orders.confirm_payment(order.payments.get(kind=WholesalePayment.BALANCE).pk, staff)
    freight.quote_from_rate(order.pk, None)
    client.force_login(buyer)
    html = client.get(f"/fr/wholesale/orders/{order.pk}/").content.decode()
    assert 'data-testid="payment-freight"' in html
    assert f"/payments/{freight_payment(order).pk}/card/" in html
    assert "payé à part, avant l’expédition" in html
