"""A seller's monthly statement as a PDF (WeasyPrint), in the seller's language: opening
balance, the month's entries, total, closing balance and the transfers paid in the month."""

import calendar
import dataclasses
import datetime
from decimal import Decimal

from babel.dates import format_date as babel_date
from django.db.models import Sum
from django.template.loader import render_to_string
from django.utils import timezone, translation

from marketplace.core.formats import format_date, format_money, locale
from sellers.payouts.models import LedgerEntry, Payout
from sellers.payouts.money import CURRENCY, to_mad
from sellers.payouts.services import entries_between


@dataclasses.dataclass
class Row:
    date: str
    kind: str
    order_number: str
    gross: str
    commission: str
    amount: str
    state: str


def month_bounds(year, month):
    last = calendar.monthrange(year, month)[1]
    return datetime.date(year, month, 1), datetime.date(year, month, last)


def statement_context(seller, year, month, language):
    first, last = month_bounds(year, month)
    opening = to_mad(
        LedgerEntry.objects.filter(seller=seller, created_at__date__lt=first).aggregate(
            total=Sum("amount")
        )["total"]
        or 0
    )
    entries = list(entries_between(seller, first, last).select_related("payout"))
    total = to_mad(sum((entry.amount for entry in entries), Decimal(0)))
    payouts = Payout.objects.filter(
        seller=seller, paid_at__date__gte=first, paid_at__date__lte=last
    ).order_by("paid_at", "pk")

    def money(value):
        return format_money(value, CURRENCY, language)

    return {
        "seller": seller,
        "language": language,
        "month": babel_date(first, "LLLL y", locale=locale(language)),
        "first": format_date(first, language),
        "last": format_date(last, language),
        "opening": money(opening),
        "rows": [
            Row(
                date=format_date(entry.created_at, language),
                kind=entry.get_kind_display(),
                order_number=entry.order_number,
                gross=money(entry.gross),
                commission=money(entry.commission),
                amount=money(entry.amount),
                state=str(entry.state),
            )
            for entry in entries
        ],
        "total": money(total),
        "closing": money(opening + total),
        "payouts": [
            {
                "reference": p.reference,
                "date": format_date(p.paid_at, language),
                "amount": money(p.amount),
            }
            for p in payouts
        ],
        "issued": format_date(timezone.localdate(), language),
    }


def statement_pdf(seller, year, month, language):
    """The month's statement as PDF bytes, written in ``language``."""
    from weasyprint import HTML  # heavy: loaded when a statement is asked for

    with translation.override(language):
        html = render_to_string(
            "payouts/statement.html", statement_context(seller, year, month, language)
        )
    return HTML(string=html).write_pdf()
