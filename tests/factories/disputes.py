"""A paid order as the dispute tests need it: lines credited and released, and the Stripe
payment (intent id, EUR at a locked rate) the dispute events point to."""

from decimal import Decimal

from django.utils import timezone
from oscar.core.loading import get_model

from marketplace.payments.models import CheckoutPayment
from sellers.payouts.models import LedgerEntry
from sellers.payouts.services import credit_shipped_line
from tests.factories.orders import add_line, order_for, product_of

INTENT = "pi_disputed"


def paid_order(*sellers_and_prices, intent=INTENT, rate="0.0925"):
    """An order with a line per ``(seller, price)``, each credited and available, paid in EUR
    through ``intent``."""
    total = sum((Decimal(price) for _seller, price in sellers_and_prices), Decimal(0))
    order = order_for(total_incl_tax=total, total_excl_tax=total)
    for seller, price in sellers_and_prices:
        credit_shipped_line(add_line(order, product_of(seller), price=Decimal(price)))
    LedgerEntry.objects.filter(line__order=order).update(released_at=timezone.now())
    amount = (total * Decimal(rate)).quantize(Decimal("0.01"))
    CheckoutPayment.objects.create(
        basket=get_model("basket", "Basket").objects.create(),
        order=order,
        order_number=order.number,
        email="claire.buyer@example.com",
        language="fr",
        shipping_address={},
        shipping_method_code="parcels",
        shipping_mad=Decimal("0"),
        total_mad=total,
        currency="EUR",
        rate=Decimal(rate),
        amount=amount,
        stripe_payment_intent=intent,
        status=CheckoutPayment.Status.SUCCEEDED,
    )
    return order
