from django.dispatch import Signal

# Sent in the transaction that marks a parcel delivered, with ``parcel``.
parcel_delivered = Signal()
