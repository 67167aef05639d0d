"""CMS background work."""

from celery import shared_task
from django.core.management import call_command
from django.db import transaction

from marketplace.idempotency.locks import hold_until_commit


@shared_task(name="cms.publish_scheduled_pages", ignore_result=True)
def publish_scheduled_pages():
    """Publish pages whose go-live time has come and unpublish expired ones.

    Celery beat runs it every minute (``CELERY_BEAT_SCHEDULE``), so scheduled publishing needs
    no cron job; publishing bumps the page-cache version through Wagtail's signals. One
    transaction, one run at a time: a run killed midway publishes nothing (the next one does
    it all), and a second run finds the pages published and their schedules cleared.
    """
    with transaction.atomic():
        hold_until_commit("cms.publish_scheduled_pages")
        call_command("publish_scheduled", verbosity=0)
