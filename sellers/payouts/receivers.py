"""The payout ledger listens to shipments, tracked deliveries, refunds and disputes: a shipped
parcel credits its seller's lines once (held), the carrier's "delivered" starts the hold period,
each refunded line is debited to its seller once, a dispute freezes the order's credits until
its outcome is settled."""

import logging

from sellers.fulfilment.services import seller_lines
from sellers.payouts import services
from sellers.payouts.services import LedgerError, debit_refund

logger = logging.getLogger(__name__)


def debit_refunded_line(sender, line, amount_mad, reference, **kwargs):
    """Debit the seller's share of a refunded line; a repeat of ``reference`` changes nothing.

    The refund is already made at Stripe when this runs (after commit), so a ledger refusal is
    logged for the team rather than raised into the refund page.
    """
    try:
        return debit_refund(line, amount_mad, reference)
    except LedgerError:
        logger.exception("Refund %s of line %s not debited to its seller", reference, line.pk)
        return None


def debit_seller_cost(sender, seller, amount_mad, reference, order_number, key, **kwargs):
    """Debit a refunded cost the seller bears (a return's postage), once per ``key``; logged,
    not raised, like a line's (the refund is made when this runs)."""
    try:
        return services.debit_seller_cost(seller, amount_mad, reference, order_number, key)
    except LedgerError:
        logger.exception("Refund %s of %s not debited to its seller", reference, key)
        return None


def credit_shipped_parcel(sender, parcel, **kwargs):
    """Credit each of the seller's lines in the shipped parcel's order, held (in the shipment's
    transaction: a ledger refusal undoes the shipment)."""
    for line in seller_lines(parcel).select_related("order"):
        services.credit_shipped_line(line, shipped_at=parcel.shipped_at)


def start_hold_on_delivery(sender, parcel, delivered_at, **kwargs):
    """The carrier delivered the parcel: each of its credits is held for the hold period."""
    for line in seller_lines(parcel).select_related("order"):
        services.credit_delivered_line(line, delivered_at=delivered_at)


def freeze_disputed_order(sender, dispute, **kwargs):
    """In the transaction recording the dispute: its order's credits are frozen."""
    services.freeze_disputed(dispute)


def settle_disputed_order(sender, dispute, **kwargs):
    """In the transaction recording the outcome: won unfreezes, lost debits each line."""
    services.settle_dispute(dispute)
