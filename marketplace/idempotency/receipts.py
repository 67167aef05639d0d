"""Run a task's body once per message: for work with no natural key, such as counters."""

import datetime
from functools import wraps

from django.db import transaction
from django.utils import timezone

from marketplace.idempotency.models import TaskReceipt

KEEP_DAYS = 7


def once_per_message(body):
    """Decorate the body of a bound task (``bind=True``) whose effects are all in the database.

    The body runs in one transaction with a receipt of the message's id: a message delivered
    again (its worker died before acknowledging it) finds the receipt and changes nothing, and
    a run killed midway leaves neither receipt nor effects.
    """

    @wraps(body)
    def run(task, *args, **kwargs):
        with transaction.atomic():
            _receipt, created = TaskReceipt.objects.get_or_create(
                task_id=task.request.id, defaults={"task": task.name}
            )
            if not created:
                return None
            return body(task, *args, **kwargs)

    return run


def forget_old_receipts(now=None):
    """Delete receipts older than any redelivery (days, where the visibility timeout is minutes)."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=KEEP_DAYS)
    deleted, _by_model = TaskReceipt.objects.filter(done_at__lt=cutoff).delete()
    return deleted
