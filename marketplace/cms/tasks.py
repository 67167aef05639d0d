"""CMS background work."""

from celery import shared_task
from django.core.management import call_command


@shared_task(name="cms.publish_scheduled_pages", ignore_result=True)
def publish_scheduled_pages():
    """Publish pages whose go-live time has come and unpublish expired ones.

    Celery beat runs it every minute (``CELERY_BEAT_SCHEDULE``), so scheduled publishing needs
    no cron job; publishing bumps the page-cache version through Wagtail's signals.
    """
    call_command("publish_scheduled", verbosity=0)
