from celery import shared_task


@shared_task(name="shipping.generate_customs_documents")
def generate_customs_documents(parcel_id):
    from shipping import documents
    from shipping.models import Parcel

    parcel = Parcel.objects.select_related("order", "partner", "service").get(pk=parcel_id)
    return [doc.pk for doc in documents.generate(parcel)]
