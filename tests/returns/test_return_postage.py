"""The return postage the buyer paid: entered with the tracking (localized, in the charged
currency), refunded up to the parcel's outbound shipping when the seller pays return shipping,
never when the buyer does; the seller's ledger bears it."""

from decimal import Decimal

import pytest

from marketplace.payments.models import PaymentRefund
from sellers.payouts.models import LedgerEntry
from sellers.returns import services
from sellers.returns.models import ReturnPolicy, ReturnRequest
from tests.factories.shipping import CarrierFactory

pytestmark = pytest.mark.django_db
Status = ReturnRequest.Status


def accepted(order, reason="damaged"):
    line = order.lines.get(line_price_incl_tax=Decimal("333.33"))
    (request,) = services.ask(order, [line.pk], reason, "refund")
    return services.accept(request, None)


def ship_back(client, request, postage, language="fr"):
    carrier = CarrierFactory()
    url = f"/{language}/returns/{request.pk}/{request.order.verification_hash()}/"
    data = {
        "action": "ship",
        "ship-carrier": carrier.code,
        "ship-tracking_number": "RR123456789FR",
        "ship-postage": postage,
    }
    return client.post(url, data)


def postage_refund():
    return PaymentRefund.objects.filter(line__isnull=True).first()


def test_the_buyer_enters_the_postage_in_the_page_language_and_currency(client, order):
    request = accepted(order)
    assert (
        "(EUR)"
        in client.get(f"/fr/returns/{request.pk}/{order.verification_hash()}/").content.decode()
    )
    assert ship_back(client, request, "12,50").status_code == 302
    request.refresh_from_db()
    assert request.status == Status.SHIPPED
    assert request.return_postage == Decimal("12.50")
    assert request.return_postage_currency == "EUR"


def test_when_the_seller_pays_return_shipping_the_postage_is_refunded_and_debited(
    client, order, seller_user, django_capture_on_commit_callbacks
):
    request = accepted(order)  # the marketplace default: the seller pays return shipping
    ship_back(client, request, "5,00")
    with django_capture_on_commit_callbacks(execute=True):
        services.confirm_receipt(request, seller_user)
    request.refresh_from_db()
    assert request.status == Status.REFUNDED
    postage = postage_refund()
    assert postage.amount == Decimal("5.00") and postage.currency == "EUR"
    assert request.return_postage_refunded == Decimal("5.00")
    debit = LedgerEntry.objects.get(key=f"refund:cost:return-postage:{request.pk}")
    assert debit.seller == request.seller
    assert debit.amount == -postage.amount_mad and debit.commission == 0


def test_when_the_buyer_pays_return_shipping_the_postage_is_not_refunded(
    client, order, seller, seller_user
):
    ReturnPolicy.objects.create(seller=seller, reasons=["damaged"], return_shipping_paid_by="buyer")
    request = accepted(order)
    ship_back(client, request, "5,00")
    services.confirm_receipt(request, seller_user)
    request.refresh_from_db()
    assert request.status == Status.REFUNDED
    assert postage_refund() is None and request.return_postage_refunded is None
    assert PaymentRefund.objects.get().amount_mad == Decimal("333.33")


def test_a_curator_decision_that_the_seller_pays_overrides_a_buyer_pays_policy(
    client, order, seller, curator
):
    ReturnPolicy.objects.create(seller=seller, reasons=["damaged"], return_shipping_paid_by="buyer")
    line = order.lines.get(line_price_incl_tax=Decimal("333.33"))
    (request,) = services.ask(order, [line.pk], "damaged", "refund")
    services.refuse(request, None, "Not broken.")
    services.escalate(request, None, "It is broken.")
    client.force_login(curator)
    client.post(
        f"/en/curation/returns/{request.pk}/",
        {"action": "accept", "note": "Photos show breakage.", "postage_paid_by": "seller"},
    )
    client.post(
        f"/en/curation/returns/{request.pk}/", {"action": "postage", "postage-postage": "4.00"}
    )
    services.confirm_receipt(request, curator, services.Role.CURATOR)
    assert postage_refund().amount == Decimal("4.00")


def test_postage_above_the_cap_is_refunded_up_to_the_outbound_shipping(client, order, seller_user):
    request = accepted(order)
    cap = services.postage_cap(request)
    assert cap > 0
    ship_back(client, request, str(cap + Decimal("0.01")).replace(".", ","))
    services.confirm_receipt(request, seller_user)
    assert postage_refund().amount == cap


def test_postage_at_the_cap_is_refunded_in_full_and_once(client, order, seller_user):
    request = accepted(order)
    cap = services.postage_cap(request)
    ship_back(client, request, str(cap).replace(".", ","))
    services.confirm_receipt(request, seller_user)
    services.confirm_receipt(request, seller_user)
    services.refund(request)
    assert postage_refund().amount == cap
    assert PaymentRefund.objects.filter(line__isnull=True).count() == 1
