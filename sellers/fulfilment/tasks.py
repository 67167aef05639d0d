from celery import shared_task

from sellers.fulfilment import documents
from sellers.fulfilment.models import Parcel


# The name predates the fulfilment app; queued messages carry it.
@shared_task(name="shipping.generate_customs_documents")
def generate_customs_documents(parcel_id):
    parcel = Parcel.objects.select_related("order", "partner", "service").get(pk=parcel_id)
    return [doc.pk for doc in documents.generate(parcel)]
