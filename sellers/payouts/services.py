"""Ledger services. The writers are atomic and idempotent (one row per unique key).

``credit_shipped_line(line, shipped_at)``: a shipped order line earns its seller the line amount
in MAD minus the commission, held until ``PAYOUT_MAX_DAYS_AFTER_SHIPMENT`` after shipment.
``credit_delivered_line(line, delivered_at)``: the carrier's tracking says delivered: the hold
now ends ``PAYOUT_HOLD_DAYS`` after that delivery (the credit is written if it was not).
``release_due_credits(now)``: credits whose hold has ended become available for a payout.
``debit_refund(line, amount_mad, reference)``: a refund of part or all of a line takes back
the seller's net share of the refunded amount (available at once: netted in the next payout).
``freeze_disputed(dispute)``: the credits of a disputed order, not yet in a payout (and those
written while the dispute is open), are frozen until ``settle_dispute(dispute)``: won, each
seller gets an entry of nothing saying so; lost, each line is debited the seller's net share of
the disputed amount (its part of the charge, less what was refunded already); an inquiry
closed writes nothing. Settled, the credits are free again.
The seller's own "delivered" reaches none of these.
"""

import csv
import datetime
import io
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.module_loading import import_string
from oscar.core.loading import get_model

from marketplace.idempotency.locks import hold_until_commit
from marketplace.payments.models import Dispute
from sellers.payouts.models import LedgerEntry
from sellers.payouts.money import CURRENCY, split, to_mad


class LedgerError(ValueError):
    pass


def order_line_amount_mad(line):
    """What the buyer paid for the line, in MAD (orders are priced in the sellers' MAD)."""
    if line.order.currency != CURRENCY:
        raise LedgerError(f"Order {line.order.number} is not priced in {CURRENCY}.")
    return line.line_price_incl_tax


def line_amount_mad(line):
    """The line's amount in MAD, by the function named in ``PAYOUT_LINE_AMOUNT``."""
    return to_mad(import_string(settings.PAYOUT_LINE_AMOUNT)(line))


def credit_key(line):
    return f"credit:line:{line.pk}"


def refund_key(line, reference):
    return f"refund:line:{line.pk}:{reference}"


def _credit(line, available_on):
    """The line's credit, written once with ``available_on`` (returns (entry, created))."""
    if line.partner_id is None:
        raise LedgerError("The line has no seller.")
    existing = LedgerEntry.objects.filter(key=credit_key(line)).first()
    if existing:
        return existing, False
    gross = line_amount_mad(line)
    commission, net = split(gross)
    disputed = Dispute.objects.filter(order_id=line.order_id, settled_at__isnull=True).first()
    return LedgerEntry.objects.get_or_create(
        key=credit_key(line),
        defaults={
            "seller_id": line.partner_id,
            "kind": LedgerEntry.Kind.CREDIT,
            "line": line,
            "order_number": line.order.number,
            "gross": gross,
            "commission": commission,
            "amount": net,
            "currency": CURRENCY,
            "available_on": available_on,
            "frozen_by": disputed,
        },
    )


def _days_after(moment, days):
    return timezone.localdate(moment or timezone.now()) + datetime.timedelta(days=days)


@transaction.atomic
def credit_shipped_line(line, shipped_at=None):
    """Credit ``line``'s seller once, held until the maximum time after shipment."""
    available_on = _days_after(shipped_at, settings.PAYOUT_MAX_DAYS_AFTER_SHIPMENT)
    return _credit(line, available_on)[0]


@transaction.atomic
def credit_delivered_line(line, delivered_at=None):
    """The carrier delivered ``line``: its credit's hold ends ``PAYOUT_HOLD_DAYS`` after
    ``delivered_at`` (a credit already released or paid out stays as it is)."""
    available_on = _days_after(delivered_at, settings.PAYOUT_HOLD_DAYS)
    entry, created = _credit(line, available_on)
    if not created:
        held = LedgerEntry.objects.select_for_update().filter(
            pk=entry.pk, released_at__isnull=True, payout__isnull=True
        )
        if held.update(available_on=available_on):
            entry.refresh_from_db()
    return entry


@transaction.atomic
def release_due_credits(now=None):
    """Release every held credit whose hold has ended by ``now``; returns how many.

    Running it again (or twice at once: the second waits on the lock) releases nothing more.
    """
    now = now or timezone.now()
    hold_until_commit("payouts-release")
    due = LedgerEntry.objects.filter(
        kind=LedgerEntry.Kind.CREDIT,
        released_at__isnull=True,
        available_on__lte=timezone.localdate(now),
    )
    return due.update(released_at=now)


@transaction.atomic
def debit_refund(line, amount_mad, reference):
    """Debit the seller's net share of a refund of ``amount_mad`` on ``line``, once per reference.

    Refunds of one line never add up to more than the line amount (the line row is locked while
    checking).
    """
    reference = str(reference or "").strip()
    if not reference:
        raise LedgerError("A refund needs a reference.")
    existing = LedgerEntry.objects.filter(key=refund_key(line, reference)).first()
    if existing:
        return existing
    Line = get_model("order", "Line")
    line = Line.objects.select_for_update().select_related("order").get(pk=line.pk)
    if line.partner_id is None:
        raise LedgerError("The line has no seller.")
    amount = to_mad(amount_mad)
    if amount <= 0:
        raise LedgerError("A refund amount is positive.")
    refunded = LedgerEntry.objects.filter(line=line, kind=LedgerEntry.Kind.REFUND).aggregate(
        total=Sum("gross")
    )["total"] or to_mad(0)
    if -refunded + amount > line_amount_mad(line):
        raise LedgerError("Refunds would exceed the line amount.")
    commission, net = split(amount)
    entry, _created = LedgerEntry.objects.get_or_create(
        key=refund_key(line, reference),
        defaults={
            "seller_id": line.partner_id,
            "kind": LedgerEntry.Kind.REFUND,
            "line": line,
            "order_number": line.order.number,
            "reference": reference,
            "gross": -amount,
            "commission": -commission,
            "amount": -net,
            "currency": CURRENCY,
            "available_on": timezone.localdate(),
            "released_at": timezone.now(),
        },
    )
    return entry


def debit_seller_cost(seller, amount_mad, reference, order_number, key):
    """Debit a cost the seller bears outside its lines (a return's postage refunded to the
    buyer), in full: the marketplace keeps no commission on it. Once per ``key``."""
    amount = to_mad(amount_mad)
    if amount <= 0:
        raise LedgerError("A refund amount is positive.")
    entry, _created = LedgerEntry.objects.get_or_create(
        key=f"refund:cost:{key}",
        defaults={
            "seller": seller,
            "kind": LedgerEntry.Kind.REFUND,
            "order_number": order_number,
            "reference": str(reference or ""),
            "gross": -amount,
            "commission": to_mad(0),
            "amount": -amount,
            "currency": CURRENCY,
            "available_on": timezone.localdate(),
            "released_at": timezone.now(),
        },
    )
    return entry


def frozen_q():
    """Entries a dispute still freezes (a subquery, not a join: payout runs lock the rows)."""
    return Q(frozen_by__in=Dispute.objects.filter(settled_at__isnull=True).values("pk"))


@transaction.atomic
def freeze_disputed(dispute):
    """Freeze the disputed order's credits not yet in a payout; returns how many."""
    if dispute.order_id is None:
        return 0
    return LedgerEntry.objects.filter(
        line__order_id=dispute.order_id,
        kind=LedgerEntry.Kind.CREDIT,
        payout__isnull=True,
        frozen_by__isnull=True,
    ).update(frozen_by=dispute)


def dispute_key(line, dispute):
    return f"dispute:line:{line.pk}:{dispute.stripe_id}"


@transaction.atomic
def settle_dispute(dispute):
    """The outcome of a settled dispute in the ledger, once: lost, a debit per line of the
    order; won, an entry of nothing per seller. Returns the entries."""
    if dispute.order_id is None:
        return []
    Line = get_model("order", "Line")
    lines = list(
        Line.objects.select_for_update()
        .select_related("order")
        .filter(order_id=dispute.order_id, partner__isnull=False)
        .order_by("pk")
    )
    if dispute.status == Dispute.Status.LOST:
        return [entry for line in lines if (entry := _debit_lost(line, dispute))]
    if dispute.status != Dispute.Status.WON:  # an inquiry closed: the credits are free again
        return []
    entries = []
    for seller_id in sorted({line.partner_id for line in lines}):
        entry, _created = LedgerEntry.objects.get_or_create(
            key=f"dispute-won:{dispute.stripe_id}:{seller_id}",
            defaults={
                "seller_id": seller_id,
                "kind": LedgerEntry.Kind.DISPUTE_WON,
                "order_number": dispute.order.number,
                "reference": dispute.stripe_id,
                "gross": to_mad(0),
                "commission": to_mad(0),
                "amount": to_mad(0),
                "currency": CURRENCY,
                "available_on": timezone.localdate(),
                "released_at": timezone.now(),
            },
        )
        entries.append(entry)
    return entries


def _debit_lost(line, dispute):
    """The line's part of the disputed amount, at most what refunds left of it; None when
    nothing is left."""
    payment = dispute.payment
    share = min(Decimal(1), dispute.amount_mad / payment.total_mad) if payment.total_mad else 0
    refunded = -(
        LedgerEntry.objects.filter(line=line, kind=LedgerEntry.Kind.REFUND).aggregate(
            total=Sum("gross")
        )["total"]
        or 0
    )
    amount = min(to_mad(line_amount_mad(line) * share), line_amount_mad(line) - refunded)
    if amount <= 0:
        return None
    commission, net = split(amount)
    entry, _created = LedgerEntry.objects.get_or_create(
        key=dispute_key(line, dispute),
        defaults={
            "seller_id": line.partner_id,
            "kind": LedgerEntry.Kind.DISPUTE,
            "line": line,
            "order_number": line.order.number,
            "reference": dispute.stripe_id,
            "gross": -amount,
            "commission": -commission,
            "amount": -net,
            "currency": CURRENCY,
            "available_on": timezone.localdate(),
            "released_at": timezone.now(),
        },
    )
    return entry


def balance(seller):
    """The seller's ledger in MAD: ``total`` still owed, of which ``available`` (released, in
    no payout yet), ``pending`` (held), ``frozen`` (by an open dispute) and ``in_payment`` (in a
    payout not yet paid); and ``paid_out``, paid to its bank."""
    unpaid = Q(payout__isnull=True) | Q(payout__paid_at__isnull=True)
    free = Q(payout__isnull=True) & ~frozen_q()
    sums = LedgerEntry.objects.filter(seller=seller).aggregate(
        total=Sum("amount", filter=unpaid),
        available=Sum("amount", filter=free & Q(released_at__isnull=False)),
        pending=Sum("amount", filter=free & Q(released_at__isnull=True)),
        frozen=Sum("amount", filter=Q(payout__isnull=True) & frozen_q()),
        in_payment=Sum("amount", filter=Q(payout__isnull=False, payout__paid_at__isnull=True)),
        paid_out=Sum("amount", filter=Q(payout__paid_at__isnull=False)),
    )
    return {name: to_mad(value or 0) for name, value in sums.items()}


def entries_between(seller, date_from, date_to):
    """The seller's entries recorded from ``date_from`` to ``date_to`` (both included)."""
    return LedgerEntry.objects.filter(
        seller=seller, created_at__date__gte=date_from, created_at__date__lte=date_to
    ).order_by("created_at", "pk")


STATEMENT_COLUMNS = (
    "date",
    "kind",
    "order_number",
    "reference",
    "gross",
    "commission",
    "amount",
    "currency",
    "available_on",
)


def statement_csv(seller, date_from, date_to):
    """A payout statement for the period, as CSV text.

    Rows: header, opening balance (entries before the period), the period's entries, the
    period's total and the closing balance.
    """
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(STATEMENT_COLUMNS)
    opening = LedgerEntry.objects.filter(seller=seller, created_at__date__lt=date_from).aggregate(
        total=Sum("amount")
    )["total"] or to_mad(0)
    writer.writerow(["opening_balance", "", "", "", "", "", to_mad(opening), CURRENCY, ""])
    total = to_mad(0)
    for entry in entries_between(seller, date_from, date_to):
        total += entry.amount
        writer.writerow(
            [
                timezone.localdate(entry.created_at).isoformat(),
                entry.kind,
                entry.order_number,
                entry.reference,
                entry.gross,
                entry.commission,
                entry.amount,
                entry.currency,
                entry.available_on.isoformat(),
            ]
        )
    writer.writerow(["total", "", "", "", "", "", total, CURRENCY, ""])
    writer.writerow(["closing_balance", "", "", "", "", "", to_mad(opening) + total, CURRENCY, ""])
    return out.getvalue()
