from celery import shared_task

from marketplace.idempotency.receipts import forget_old_receipts


@shared_task(name="idempotency.forget_old_receipts", ignore_result=True)
def forget_old_task_receipts():
    """Celery beat, daily: receipts of messages long done (deleting twice deletes nothing)."""
    return forget_old_receipts()
