"""The seller space's background work: CSV imports (``import_jobs``)."""

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.core.files.base import ContentFile
from django.db import transaction

from marketplace.core.uploads import random_name
from sellers.space.import_jobs import run_job
from sellers.space.models import ImportJob


def start_import(seller, user, language, text, rows_total, photos=None):
    """Record the job (its ZIP under a random name) and queue its task once committed."""
    job = ImportJob.objects.create(
        seller=seller,
        created_by=user,
        language=language,
        csv_text=text,
        rows_total=rows_total,
    )
    if photos is not None:
        photos.seek(0)
        job.photos.save(random_name("zip"), ContentFile(photos.read()), save=True)
    transaction.on_commit(lambda: run_import.delay(job.pk))
    return job


@shared_task(name="seller_space.run_import", ignore_result=True)
def run_import(job_id):
    """Import the job's rows not done yet. Near the time limit the task queues itself again:
    every row done is committed with its result, so the next run carries on after it."""
    try:
        run_job(job_id)
    except SoftTimeLimitExceeded:
        run_import.delay(job_id)
