from celery import shared_task

from sellers.fulfilment import documents
from sellers.fulfilment.models import Parcel


# The name predates the fulfilment app; queued messages carry it.
@shared_task(name="shipping.generate_customs_documents")
def generate_customs_documents(parcel_id):
    """The parcel's commercial invoice, CN22/CN23 and packing list, each rendered once."""
    related = Parcel.objects.select_related("order", "partner", "service")
    parcel = related.filter(pk=parcel_id).first()
    if parcel is None:
        return []
    return [doc.pk for doc in documents.generate(parcel)]
