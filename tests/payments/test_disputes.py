"""Disputes: Stripe's ``charge.dispute.*`` events make one record on the order, whatever their
number and order; the order's credits are frozen (no payout run takes them) until the outcome:
won releases them, lost debits each seller's share. Stripe is a local stand-in (localstripe has
no disputes)."""

from decimal import Decimal

import pytest
from django.core import mail
from django.utils import timezone

from marketplace.order_status.pipeline import PAID, PARTIALLY_REFUNDED, REFUNDED
from marketplace.payments.models import Dispute, StripeEvent
from sellers.fulfilment.models import Parcel
from sellers.payouts.models import LedgerEntry
from sellers.payouts.runs import create_run
from sellers.payouts.services import balance, credit_shipped_line, debit_refund
from tests.factories.catalogue import SellerFactory
from tests.factories.disputes import INTENT, paid_order
from tests.factories.orders import add_line, order_for, product_of
from tests.factories.tracking import RIBS
from tests.factories.users import member_of
from tests.support.stripe_disputes import dispute_event, post_event, stripe_dispute

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _rules(settings):
    settings.MARKETPLACE_COMMISSION_RATE = "0.12"


@pytest.fixture
def sellers():
    first = SellerFactory(name="Atelier Safi", rib=RIBS[0], preferred_language="fr")
    second = SellerFactory(name="Cooperative Amal", rib=RIBS[1], preferred_language="ar")
    for seller, email in ((first, "safi@example.ma"), (second, "amal@example.ma")):
        user = member_of(seller)
        user.email = email
        user.save()
    return first, second


@pytest.fixture
def order(sellers):
    """A paid order of 1,000 MAD (800 and 200 from two sellers), charged 92.50 EUR; both lines
    credited and available for a payout."""
    first, second = sellers
    return paid_order((first, "800.00"), (second, "200.00"))


def stripe_says(stand_in, status, amount=9250, dispute_id="du_1"):
    stand_in.disputes[dispute_id] = stripe_dispute(dispute_id, INTENT, status, amount=amount)


def deliver(client, event_type, event_id, capture):
    with capture(execute=True):
        return post_event(client, dispute_event(event_id, event_type, "du_1"))


def test_a_dispute_created_event_records_the_dispute_on_the_order(
    client, stripe_stand_in, order, django_capture_on_commit_callbacks
):
    stripe_says(stripe_stand_in, "needs_response")
    response = deliver(
        client, "charge.dispute.created", "evt_d1", django_capture_on_commit_callbacks
    )
    assert response.status_code == 200
    dispute = Dispute.objects.get()
    assert dispute.order == order and dispute.stripe_id == "du_1"
    assert (dispute.amount, dispute.currency, dispute.amount_mad) == (
        Decimal("92.50"),
        "EUR",
        Decimal("1000.00"),
    )
    assert dispute.status == "needs_response" and dispute.reason == "product_not_received"
    assert dispute.evidence_due_by > timezone.now()


def test_the_same_dispute_event_twice_makes_one_record_and_one_email_per_seller(
    client, stripe_stand_in, order, django_capture_on_commit_callbacks
):
    stripe_says(stripe_stand_in, "needs_response")
    deliver(client, "charge.dispute.created", "evt_d1", django_capture_on_commit_callbacks)
    deliver(client, "charge.dispute.created", "evt_d1", django_capture_on_commit_callbacks)
    assert Dispute.objects.count() == 1
    assert StripeEvent.objects.filter(event_id="evt_d1").count() == 1
    assert sorted(message.to[0] for message in mail.outbox) == [
        "amal@example.ma",
        "safi@example.ma",
    ]


def test_the_evidence_email_is_in_each_sellers_language(
    client, stripe_stand_in, order, django_capture_on_commit_callbacks
):
    stripe_says(stripe_stand_in, "needs_response")
    deliver(client, "charge.dispute.created", "evt_d1", django_capture_on_commit_callbacks)
    dispute = Dispute.objects.get()
    by_address = {message.to[0]: message for message in mail.outbox}
    assert f"/fr/my-shop/disputes/{dispute.pk}/" in by_address["safi@example.ma"].body
    assert f"/ar/my-shop/disputes/{dispute.pk}/" in by_address["amal@example.ma"].body
    assert order.number in by_address["safi@example.ma"].subject


def test_a_dispute_freezes_the_orders_credits(client, stripe_stand_in, sellers, order):
    stripe_says(stripe_stand_in, "needs_response")
    post_event(client, dispute_event("evt_d1", "charge.dispute.created", "du_1"))
    first, _second = sellers
    figures = balance(first)
    assert figures["frozen"] == Decimal("704.00") and figures["available"] == Decimal("0.00")


def test_a_payout_run_skips_frozen_credits(client, stripe_stand_in, sellers, order):
    first, second = sellers
    other = add_line(order_for(), product_of(second), price=Decimal("100.00"))
    credit_shipped_line(other)
    LedgerEntry.objects.filter(line=other).update(released_at=timezone.now())
    stripe_says(stripe_stand_in, "needs_response")
    post_event(client, dispute_event("evt_d1", "charge.dispute.created", "du_1"))

    run = create_run()
    assert dict(run.payouts.values_list("seller", "amount")) == {second.pk: Decimal("88.00")}
    assert not LedgerEntry.objects.filter(line__order=order, payout__isnull=False).exists()


def test_a_credit_written_while_the_dispute_is_open_is_frozen(
    client, stripe_stand_in, sellers, order
):
    first, _second = sellers
    stripe_says(stripe_stand_in, "needs_response")
    post_event(client, dispute_event("evt_d1", "charge.dispute.created", "du_1"))
    late = credit_shipped_line(add_line(order, product_of(first), price=Decimal("50.00")))
    assert late.frozen_by == Dispute.objects.get()


def test_a_dispute_won_unfreezes_the_credits_for_the_next_run(
    client, stripe_stand_in, sellers, order
):
    first, second = sellers
    stripe_says(stripe_stand_in, "needs_response")
    post_event(client, dispute_event("evt_d1", "charge.dispute.created", "du_1"))
    stripe_says(stripe_stand_in, "won")
    post_event(client, dispute_event("evt_d2", "charge.dispute.closed", "du_1"))

    dispute = Dispute.objects.get()
    assert dispute.status == "won" and dispute.settled_at is not None
    won = LedgerEntry.objects.filter(kind="dispute_won")
    assert sorted(won.values_list("seller", "amount")) == [
        (first.pk, Decimal("0.00")),
        (second.pk, Decimal("0.00")),
    ]
    run = create_run()
    assert dict(run.payouts.values_list("seller", "amount")) == {
        first.pk: Decimal("704.00"),
        second.pk: Decimal("176.00"),
    }


def test_a_dispute_lost_debits_each_sellers_net_share(client, stripe_stand_in, sellers, order):
    first, second = sellers
    stripe_says(stripe_stand_in, "needs_response")
    post_event(client, dispute_event("evt_d1", "charge.dispute.created", "du_1"))
    stripe_says(stripe_stand_in, "lost")
    post_event(client, dispute_event("evt_d2", "charge.dispute.closed", "du_1"))

    debits = LedgerEntry.objects.filter(kind="dispute")
    assert sorted(debits.values_list("seller", "gross", "amount")) == sorted(
        [
            (first.pk, Decimal("-800.00"), Decimal("-704.00")),
            (second.pk, Decimal("-200.00"), Decimal("-176.00")),
        ]
    )
    assert balance(first)["available"] == Decimal("0.00")
    assert balance(first)["frozen"] == Decimal("0.00")
    assert create_run() is None


def test_a_partial_dispute_lost_debits_its_part_less_earlier_refunds(
    client, stripe_stand_in, sellers, order
):
    first, _second = sellers
    line = order.lines.get(partner=first)
    debit_refund(line, Decimal("700.00"), "re_1")
    stripe_says(stripe_stand_in, "lost", amount=4625)  # half of the charge
    post_event(client, dispute_event("evt_d1", "charge.dispute.closed", "du_1"))
    debit = LedgerEntry.objects.get(kind="dispute", seller=first)
    assert debit.gross == Decimal("-100.00")  # half of 800, but only 100 was left unrefunded


def test_events_out_of_order_settle_once(client, stripe_stand_in, sellers, order):
    stripe_says(stripe_stand_in, "lost")
    post_event(client, dispute_event("evt_d3", "charge.dispute.closed", "du_1"))
    post_event(client, dispute_event("evt_d1", "charge.dispute.created", "du_1"))
    post_event(client, dispute_event("evt_d2", "charge.dispute.updated", "du_1"))
    assert Dispute.objects.get().status == "lost"
    assert LedgerEntry.objects.filter(kind="dispute").count() == 2


def test_an_outcome_is_not_undone_by_an_older_reading(client, stripe_stand_in, order):
    stripe_says(stripe_stand_in, "won")
    post_event(client, dispute_event("evt_d2", "charge.dispute.closed", "du_1"))
    stripe_says(stripe_stand_in, "under_review")
    post_event(client, dispute_event("evt_d1", "charge.dispute.updated", "du_1"))
    assert Dispute.objects.get().status == "won"


def test_funds_withdrawn_is_recorded(client, stripe_stand_in, order):
    stripe_says(stripe_stand_in, "needs_response")
    post_event(client, dispute_event("evt_d1", "charge.dispute.funds_withdrawn", "du_1"))
    assert Dispute.objects.get().funds_withdrawn_at is not None


def test_a_dispute_on_a_charge_we_do_not_know_is_acknowledged_and_ignored(
    client, stripe_stand_in, db
):
    stripe_stand_in.disputes["du_9"] = stripe_dispute("du_9", "pi_unknown")
    response = post_event(client, dispute_event("evt_d9", "charge.dispute.created", "du_9"))
    assert response.content == b"unknown payment intent"
    assert not Dispute.objects.exists()


def test_stripe_unreachable_asks_for_a_retry(client, settings, order):
    settings.STRIPE_API_BASE = "http://127.0.0.1:9"
    response = post_event(client, dispute_event("evt_d1", "charge.dispute.created", "du_1"))
    assert response.status_code == 503
    assert not Dispute.objects.exists()


def test_a_dispute_lost_on_the_whole_charge_marks_the_order_refunded(
    client, stripe_stand_in, sellers, order
):
    for seller in sellers:
        Parcel.objects.create(order=order, partner=seller, status=Parcel.Status.SHIPPED)
    stripe_says(stripe_stand_in, "lost")
    post_event(client, dispute_event("evt_d1", "charge.dispute.closed", "du_1"))
    order.refresh_from_db()
    assert order.status == REFUNDED


def test_a_dispute_lost_on_part_of_the_charge_marks_the_order_partially_refunded(
    client, stripe_stand_in, order
):
    stripe_says(stripe_stand_in, "lost", amount=4625)
    post_event(client, dispute_event("evt_d1", "charge.dispute.closed", "du_1"))
    order.refresh_from_db()
    assert order.status == PARTIALLY_REFUNDED


def test_a_dispute_won_leaves_the_order_status_to_its_parcels(client, stripe_stand_in, order):
    stripe_says(stripe_stand_in, "won")
    post_event(client, dispute_event("evt_d1", "charge.dispute.closed", "du_1"))
    order.refresh_from_db()
    assert order.status == PAID


def test_the_seller_sees_its_frozen_money_on_its_payouts_page(
    client, stripe_stand_in, sellers, order
):
    stripe_says(stripe_stand_in, "needs_response")
    post_event(client, dispute_event("evt_d1", "charge.dispute.created", "du_1"))
    client.force_login(sellers[0].users.get())
    response = client.get("/fr/my-shop/payouts/")
    assert response.context["balance"]["frozen"] == Decimal("704.00")
    assert "gelé par un litige" in response.content.decode()


def test_an_inquiry_closed_frees_the_credits_and_writes_nothing(
    client, stripe_stand_in, sellers, order
):
    stripe_says(stripe_stand_in, "warning_needs_response")
    post_event(client, dispute_event("evt_d1", "charge.dispute.created", "du_1"))
    assert balance(sellers[0])["frozen"] == Decimal("704.00")
    stripe_says(stripe_stand_in, "warning_closed")
    post_event(client, dispute_event("evt_d2", "charge.dispute.closed", "du_1"))
    assert balance(sellers[0])["available"] == Decimal("704.00")
    assert not LedgerEntry.objects.exclude(kind="credit").exists()


def test_a_credit_already_paid_out_is_not_frozen_and_a_loss_is_netted_next_run(
    client, stripe_stand_in, sellers, order
):
    first, second = sellers
    create_run()
    stripe_says(stripe_stand_in, "needs_response")
    post_event(client, dispute_event("evt_d1", "charge.dispute.created", "du_1"))
    assert not LedgerEntry.objects.filter(frozen_by__isnull=False).exists()
    stripe_says(stripe_stand_in, "lost")
    post_event(client, dispute_event("evt_d2", "charge.dispute.closed", "du_1"))
    assert balance(first)["available"] == Decimal("-704.00")
    credit_shipped_line(add_line(order_for(), product_of(first), price=Decimal("1000.00")))
    LedgerEntry.objects.filter(released_at__isnull=True).update(released_at=timezone.now())
    run = create_run()
    assert dict(run.payouts.values_list("seller", "amount")) == {first.pk: Decimal("176.00")}


def test_a_dispute_first_seen_closed_asks_nobody_for_evidence(
    client, stripe_stand_in, order, django_capture_on_commit_callbacks
):
    stripe_says(stripe_stand_in, "lost")
    deliver(client, "charge.dispute.closed", "evt_d3", django_capture_on_commit_callbacks)
    assert Dispute.objects.get().status == "lost"
    assert mail.outbox == []
