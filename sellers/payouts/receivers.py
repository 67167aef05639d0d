"""The payout ledger listens to refunds: each refunded line is debited to its seller once."""

import logging

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
