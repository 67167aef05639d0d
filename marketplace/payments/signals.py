"""Signals other apps subscribe to (the payout ledger debits a seller on ``line_refunded``)."""

from django.dispatch import Signal

# Sent once per refunded order line, after the refund is recorded and Stripe accepted it.
# Arguments: line (oscar order Line), amount_mad (Decimal), reference (Stripe refund id).
line_refunded = Signal()

# Sent in the transaction that places an order, once its payment has gone through: ``order``.
order_paid = Signal()

# Sent once per refund (one Stripe refund, any number of rows), after commit: ``order``.
refund_recorded = Signal()

# Sent in the transaction that first records a dispute on an order: ``dispute``.
dispute_opened = Signal()

# Sent once per dispute, in the transaction that records its outcome (won, lost or an inquiry
# closed): ``dispute``. The payout ledger unfreezes the credits, or debits them when lost.
dispute_closed = Signal()

# Sent once per refund of a cost a seller bears outside its lines (the return postage when the
# seller pays return shipping), after commit. Arguments: seller (Partner), amount_mad
# (Decimal), reference (Stripe refund id), order_number, key (unique per cost).
seller_cost_refunded = Signal()
