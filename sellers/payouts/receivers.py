"""The payout ledger listens to deliveries and refunds: a delivered parcel credits its
seller's lines once, each refunded line is debited to its seller once."""

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


def credit_delivered_parcel(sender, parcel, **kwargs):
    """Credit each of the seller's lines in the delivered parcel's order (in the delivery's
    transaction: a ledger refusal undoes the delivery)."""
    for line in seller_lines(parcel).select_related("order"):
        services.credit_delivered_line(line, delivered_at=parcel.delivered_at)
