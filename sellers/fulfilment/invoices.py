"""Commercial invoice numbers: one gapless sequence per seller.

A parcel takes its number once, the first time its papers are made, in the same transaction
that moves the seller's counter; the counter row is locked (``select_for_update``) so concurrent
parcels of one seller queue on it. A rolled-back transaction gives its number back with it, so
numbers never repeat (also a unique constraint) and never skip.
"""

from django.db import transaction

from sellers.fulfilment.models import InvoiceCounter, Parcel


def allocate(parcel):
    """The invoice number of ``parcel``, taken from its seller's counter if it has none yet."""
    if parcel.invoice_number:
        return parcel.invoice_number
    with transaction.atomic():
        locked = Parcel.objects.select_for_update().get(pk=parcel.pk)
        if locked.invoice_number is None:
            InvoiceCounter.objects.get_or_create(partner_id=locked.partner_id)
            counter = InvoiceCounter.objects.select_for_update().get(pk=locked.partner_id)
            counter.last_number += 1
            counter.save(update_fields=["last_number"])
            locked.invoice_number = counter.last_number
            locked.save(update_fields=["invoice_number"])
    parcel.invoice_number = locked.invoice_number
    return parcel.invoice_number


def reference(parcel):
    """The number as printed: the seller's id and the number, e.g. ``S0042-000017``."""
    if not parcel.invoice_number:
        return ""
    return f"S{parcel.partner_id:04d}-{parcel.invoice_number:06d}"
