"""The marketplace's money per month, in MAD, for the operator: GMV (orders placed), commission
(net of what refunds and lost disputes gave back), refunds, disputes (count, amount, amount
lost) and paid out (payouts the bank paid). One grouped query per figure, whatever the number of
months or orders."""

import datetime
from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.db.models.functions import TruncMonth
from oscar.core.loading import get_model

from marketplace.payments.models import Dispute, PaymentRefund
from sellers.payouts.models import LedgerEntry, Payout
from sellers.payouts.money import to_mad

ZERO = to_mad(0)
FIGURES = (
    "gmv",
    "commission",
    "refunds",
    "disputes",
    "disputed",
    "disputes_lost",
    "paid_out",
)


def _by_month(queryset, date_field, **aggregates):
    """{first day of month: {name: value}} of ``queryset`` grouped by ``date_field``'s month."""
    rows = (
        queryset.annotate(month=TruncMonth(date_field))
        .values("month")
        .annotate(**aggregates)
        .order_by()
    )
    return {_day(row.pop("month")): row for row in rows}


def _day(value):
    return value.date() if isinstance(value, datetime.datetime) else value


def monthly_totals(year):
    """One row per month of ``year`` (January to December): ``month`` and each of ``FIGURES``;
    and the year's total row."""
    Order = get_model("order", "Order")
    sources = [
        _by_month(
            Order.objects.filter(date_placed__year=year),
            "date_placed",
            gmv=Sum("total_incl_tax"),
        ),
        _by_month(
            LedgerEntry.objects.filter(created_at__year=year),
            "created_at",
            commission=Sum("commission"),
        ),
        _by_month(
            PaymentRefund.objects.filter(created_at__year=year),
            "created_at",
            refunds=Sum("amount_mad"),
        ),
        _by_month(
            Dispute.objects.filter(created_at__year=year),
            "created_at",
            disputes=Count("pk"),
            disputed=Sum("amount_mad"),
            disputes_lost=Sum("amount_mad", filter=Q(status=Dispute.Status.LOST)),
        ),
        _by_month(
            Payout.objects.filter(paid_at__isnull=False, paid_at__year=year),
            "paid_at",
            paid_out=Sum("amount"),
        ),
    ]
    months = []
    for number in range(1, 13):
        month = datetime.date(year, number, 1)
        row = {"month": month, **{name: ZERO for name in FIGURES}, "disputes": 0}
        for source in sources:
            for name, value in source.get(month, {}).items():
                row[name] = value if name == "disputes" else to_mad(value or 0)
        months.append(row)
    total = {
        name: sum((row[name] for row in months), 0 if name == "disputes" else Decimal(0))
        for name in FIGURES
    }
    return months, total
