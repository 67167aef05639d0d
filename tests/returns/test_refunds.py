"""Receipt and refund: the returned lines refunded once through Stripe in the charged currency,
a partial return, the outbound shipping per the policy, the ledger debited, the carrier's
tracking marking a return received."""

from decimal import Decimal

import pytest
from django.utils import timezone

from marketplace.payments.models import PaymentRefund
from sellers.payouts.models import LedgerEntry
from sellers.returns import services
from sellers.returns.models import ReturnPolicy, ReturnRequest
from sellers.returns.tasks import hourly
from tests.factories.returns import return_url
from tests.factories.tracking import dhl_payload
from tests.support.tracking_server import TrackingStandIn

pytestmark = pytest.mark.django_db
Status = ReturnRequest.Status


def accepted(order, prices=("333.33",), reason="damaged", user=None):
    lines = order.lines.filter(line_price_incl_tax__in=[Decimal(p) for p in prices])
    (request,) = services.ask(order, [line.pk for line in lines], reason, "refund")
    return services.accept(request, user)


def confirm_receipt(client, request, capture):
    url = f"/en/my-shop/returns/{request.pk}/"
    with capture(execute=True):
        return client.post(url, {"action": "receive", "confirmed": "yes"})


def test_a_double_confirmation_refunds_once(
    client, order, seller_user, django_capture_on_commit_callbacks
):
    request = accepted(order)
    client.force_login(seller_user)
    confirm_receipt(client, request, django_capture_on_commit_callbacks)
    confirm_receipt(client, request, django_capture_on_commit_callbacks)
    request.refresh_from_db()
    assert request.status == Status.REFUNDED
    assert PaymentRefund.objects.count() == 1
    assert LedgerEntry.objects.filter(kind=LedgerEntry.Kind.REFUND).count() == 1
    assert request.events.filter(to_status=Status.REFUNDED).count() == 1


def test_the_receipt_asks_for_confirmation_first(client, order, seller_user):
    request = accepted(order)
    client.force_login(seller_user)
    response = client.post(f"/en/my-shop/returns/{request.pk}/", {"action": "receive"})
    assert response.status_code == 200
    request.refresh_from_db()
    assert request.status == Status.ACCEPTED


def test_a_partial_return_refunds_only_its_line_in_the_charged_currency(
    client, order, seller_user, django_capture_on_commit_callbacks
):
    request = accepted(order)
    client.force_login(seller_user)
    confirm_receipt(client, request, django_capture_on_commit_callbacks)
    (refund,) = PaymentRefund.objects.all()
    returned = order.lines.get(line_price_incl_tax=Decimal("333.33"))
    assert refund.line == returned
    assert refund.currency == "EUR"
    assert refund.amount_mad == Decimal("333.33")
    assert order.parcels.get().shipping_refunded_at is None
    order.refresh_from_db()
    assert order.status == "partially_refunded"
    client.logout()
    page = client.get(return_url(request)).content.decode()
    assert "€" in page and 'data-testid="return-refund"' in page


def test_the_ledger_is_debited_for_the_returned_line_only(
    client, order, seller_user, django_capture_on_commit_callbacks
):
    request = accepted(order)
    client.force_login(seller_user)
    confirm_receipt(client, request, django_capture_on_commit_callbacks)
    debit = LedgerEntry.objects.get(kind=LedgerEntry.Kind.REFUND)
    assert debit.line.line_price_incl_tax == Decimal("333.33")
    assert debit.gross == Decimal("-333.33")


def test_returning_every_piece_of_a_damaged_parcel_refunds_its_shipping_too(order, seller_user):
    request = accepted(order, prices=("1000.00", "333.33"))
    services.confirm_receipt(request, seller_user)
    request.refresh_from_db()
    assert request.status == Status.REFUNDED and request.refund_shipping
    assert order.parcels.get().shipping_refunded_at is not None


def test_a_change_of_mind_keeps_the_outbound_shipping_when_the_buyer_pays_returns(
    order, seller, seller_user
):
    ReturnPolicy.objects.create(
        seller=seller, reasons=["changed_mind"], return_shipping_paid_by="buyer"
    )
    request = accepted(order, prices=("1000.00", "333.33"), reason="changed_mind")
    services.confirm_receipt(request, seller_user)
    request.refresh_from_db()
    assert request.status == Status.REFUNDED and not request.refund_shipping
    assert PaymentRefund.objects.filter(line__isnull=True).count() == 0


def test_the_carrier_tracking_delivered_marks_the_return_received_and_refunds(
    order, settings, django_capture_on_commit_callbacks
):
    request = accepted(order)
    services.ship_back(request, None, "dhl", "JD0146000099")
    with TrackingStandIn() as api:
        settings.TRACKING_API_URLS = {"barid": "", "dhl": f"{api.url}/track/{{number}}"}
        api.bodies["JD0146000099"] = dhl_payload(
            "JD0146000099", timestamp=timezone.now().isoformat()
        )
        with django_capture_on_commit_callbacks(execute=True):
            first = hourly()
        second = hourly()
    request.refresh_from_db()
    assert (first["received"], second["received"]) == (1, 0)
    assert request.status == Status.REFUNDED
    assert request.events.get(to_status=Status.RECEIVED).role == "system"
    assert LedgerEntry.objects.filter(kind=LedgerEntry.Kind.REFUND).count() == 1


def test_a_replacement_is_not_refunded(order, seller_user):
    (request,) = services.ask(order, [order.lines.first().pk], "damaged", "replacement")
    services.accept(request, seller_user)
    request = services.confirm_receipt(request, seller_user)
    assert request.status == Status.RECEIVED
    assert services.send_replacement(request, seller_user).status == Status.REPLACED
    assert not PaymentRefund.objects.exists()


def test_a_receipt_confirmed_after_the_refund_changes_nothing(order, seller_user):
    request = accepted(order)
    services.confirm_receipt(request, seller_user)
    again = services.confirm_receipt(request, seller_user)
    assert again.status == Status.REFUNDED
    assert request.events.count() == 4  # requested, accepted, received, refunded
    assert PaymentRefund.objects.count() == 1


def test_a_refund_stripe_refused_is_tried_again_by_the_hourly_task(order, seller_user, monkeypatch):
    from marketplace.payments.refunds import RefundError

    request = accepted(order)

    def refused(*args, **kwargs):
        raise RefundError("Stripe is unavailable.")

    with monkeypatch.context() as patched:
        patched.setattr(services, "refund_lines", refused)
        request = services.confirm_receipt(request, seller_user)
    assert request.status == Status.RECEIVED
    assert not PaymentRefund.objects.exists()
    assert hourly()["refunded"] == 1
    request.refresh_from_db()
    assert request.status == Status.REFUNDED
    assert PaymentRefund.objects.count() == 1
