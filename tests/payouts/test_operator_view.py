"""The operator's dashboard pages: the disputes queue with its filters, the payout runs filtered
by seller, and the monthly totals in MAD (one query per figure, whatever the months and orders),
each for staff holding its permission."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from marketplace.payments.models import CheckoutPayment, Dispute, PaymentRefund
from sellers.payouts.models import LedgerEntry, Payout, PayoutRun
from sellers.payouts.runs import create_run, mark_paid
from tests.factories.catalogue import SellerFactory
from tests.factories.disputes import paid_order
from tests.factories.tracking import RIBS

pytestmark = pytest.mark.django_db
YEAR = timezone.localdate().year - 1


@pytest.fixture(autouse=True)
def _rules(settings):
    settings.MARKETPLACE_COMMISSION_RATE = "0.12"


def staff_with(client, *codenames):
    user = get_user_model().objects.create_user("op", "op@example.com", "x", is_staff=True)
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    client.force_login(user)
    return client


@pytest.fixture
def sellers():
    return (
        SellerFactory(name="Atelier Safi", rib=RIBS[0]),
        SellerFactory(name="Cooperative Amal", rib=RIBS[1]),
    )


def in_month(month, day=10):
    return timezone.make_aware(datetime.datetime(YEAR, month, day, 12))


def dispute_on(order, stripe_id, status="needs_response", due=None, amount_mad="1000.00"):
    return Dispute.objects.create(
        stripe_id=stripe_id,
        payment=CheckoutPayment.objects.get(order=order),
        order=order,
        amount=Decimal("92.50"),
        currency="EUR",
        amount_mad=Decimal(amount_mad),
        reason="fraudulent",
        status=status,
        evidence_due_by=due,
        settled_at=timezone.now() if status in Dispute.CLOSED else None,
    )


def month_of_business(sellers, month, orders=1, intent_prefix="pi"):
    """``orders`` orders of 1,000 MAD placed in ``month``, their credits recorded then; one
    refund of 100 MAD and one dispute (lost) of 500 MAD; a run paid in that month."""
    first, second = sellers
    placed = []
    for index in range(orders):
        order = paid_order(
            (first, "600.00"), (second, "400.00"), intent=f"{intent_prefix}{month}-{index}"
        )
        type(order).objects.filter(pk=order.pk).update(date_placed=in_month(month))
        LedgerEntry.objects.filter(line__order=order).update(created_at=in_month(month))
        placed.append(order)
    payment = CheckoutPayment.objects.get(order=placed[0])
    refund = PaymentRefund.objects.create(
        payment=payment,
        amount_mad=Decimal("100.00"),
        amount=Decimal("9.25"),
        currency="EUR",
        stripe_refund=f"re_{month}",
    )
    PaymentRefund.objects.filter(pk=refund.pk).update(created_at=in_month(month))
    lost = dispute_on(placed[0], f"du_{month}", status="lost", amount_mad="500.00")
    Dispute.objects.filter(pk=lost.pk).update(created_at=in_month(month))
    run = create_run()
    PayoutRun.objects.filter(pk=run.pk).update(paid_at=None)
    mark_paid(run)
    Payout.objects.filter(run=run).update(paid_at=in_month(month, 20))
    return placed


def totals_page(client, year=YEAR):
    return client.get(reverse("payouts-dashboard:totals"), {"year": year})


def test_monthly_totals_in_mad(client, sellers):
    month_of_business(sellers, 3, orders=2)
    month_of_business(sellers, 5)
    context = totals_page(staff_with(client, "view_payoutrun")).context
    march, may = context["months"][2], context["months"][4]
    assert march["gmv"] == Decimal("2000.00") and may["gmv"] == Decimal("1000.00")
    assert march["commission"] == Decimal("240.00")
    assert march["refunds"] == Decimal("100.00")
    assert (march["disputes"], march["disputed"], march["disputes_lost"]) == (
        1,
        Decimal("500.00"),
        Decimal("500.00"),
    )
    assert march["paid_out"] == Decimal("1760.00") and may["paid_out"] == Decimal("880.00")
    assert context["months"][3]["gmv"] == Decimal("0.00")
    assert context["total"]["gmv"] == Decimal("3000.00")
    assert context["total"]["disputes"] == 2


def test_the_totals_take_the_same_queries_for_more_months_and_orders(client, sellers):
    operator = staff_with(client, "view_payoutrun")
    month_of_business(sellers, 1)
    with CaptureQueriesContext(connection) as one_month:
        totals_page(operator)
    for month in (2, 3, 4):
        month_of_business(sellers, month, orders=3)
    with CaptureQueriesContext(connection) as four_months:
        totals_page(operator)
    assert len(four_months) == len(one_month)


def test_the_totals_page_links_to_the_queues_the_operator_may_open(client):
    operator = staff_with(client, "view_payoutrun", "view_dispute")
    response = totals_page(operator)
    disputes, returns = reverse("payouts-dashboard:disputes"), reverse("curation:returns")
    assert [url for _label, url in response.context["queues"]] == [disputes, returns]
    assert f'href="{disputes}"' in response.content.decode()


@pytest.mark.parametrize(
    ("is_staff", "codenames", "allowed"),
    [(True, (), False), (False, ("view_dispute",), False), (True, ("view_dispute",), True)],
)
def test_the_disputes_queue_is_for_staff_allowed_to_see_disputes(
    client, is_staff, codenames, allowed
):
    user = get_user_model().objects.create_user("u", "u@example.com", "x", is_staff=is_staff)
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    client.force_login(user)
    response = client.get(reverse("payouts-dashboard:disputes"))
    assert (response.status_code == 200) is allowed


def test_the_totals_are_for_staff_allowed_to_see_them(client):
    assert totals_page(staff_with(client, "view_dispute")).status_code == 302


@pytest.fixture
def three_disputes(sellers):
    first, second = sellers
    now = timezone.now()
    overdue = dispute_on(
        paid_order((first, "100.00"), intent="pi_a"), "du_a", due=now - datetime.timedelta(days=1)
    )
    soon = dispute_on(
        paid_order((second, "100.00"), intent="pi_b"), "du_b", due=now + datetime.timedelta(days=2)
    )
    won = dispute_on(paid_order((second, "100.00"), intent="pi_c"), "du_c", status="won")
    return overdue, soon, won


def queue(client, **filters):
    response = client.get(reverse("payouts-dashboard:disputes"), filters)
    return [row["dispute"].stripe_id for row in response.context["rows"]]


def test_the_disputes_queue_filters_by_status_due_date_and_seller(client, sellers, three_disputes):
    operator = staff_with(client, "view_dispute")
    assert sorted(queue(operator)) == ["du_a", "du_b", "du_c"]
    assert sorted(queue(operator, status="open")) == ["du_a", "du_b"]
    assert queue(operator, status="won") == ["du_c"]
    assert queue(operator, due="overdue") == ["du_a"]
    assert queue(operator, due="soon") == ["du_b"]
    assert sorted(queue(operator, seller=sellers[1].pk)) == ["du_b", "du_c"]


def test_the_payout_runs_filter_by_seller(client, sellers):
    first, second = sellers
    paid_order((first, "100.00"), intent="pi_x")
    first_run = create_run()
    paid_order((second, "100.00"), intent="pi_y")
    second_run = create_run()
    operator = staff_with(client, "add_payoutrun")
    response = operator.get(reverse("payouts-dashboard:runs"), {"seller": second.pk})
    assert list(response.context["runs"]) == [second_run]
    assert first_run not in response.context["runs"]


def test_the_operator_pages_render_with_data(client, sellers, three_disputes):
    operator = staff_with(client, "view_payoutrun", "view_dispute", "add_payoutrun")
    month_of_business(sellers, 2)
    for name in ("disputes", "totals", "runs"):
        assert operator.get(reverse(f"payouts-dashboard:{name}")).status_code == 200
