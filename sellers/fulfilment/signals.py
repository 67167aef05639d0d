from django.dispatch import Signal

# Sent in the transaction that marks a parcel delivered, with ``parcel``.
parcel_delivered = Signal()

# Sent in the transaction of every parcel move (``advance``), with ``parcel`` and ``from_status``.
parcel_status_changed = Signal()
