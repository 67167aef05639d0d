from django.dispatch import Signal

# Sent in the transaction that marks a parcel shipped, with ``parcel`` (its ``shipped_at`` set).
parcel_shipped = Signal()
# Sent in the transaction that records the carrier's tracking saying the parcel was delivered,
# with ``parcel`` and ``delivered_at`` (the carrier's time). A seller's or staff member's own
# "delivered" does not send it.
parcel_delivered = Signal()

# Sent in the transaction of every parcel move (``advance``), with ``parcel`` and ``from_status``.
parcel_status_changed = Signal()
