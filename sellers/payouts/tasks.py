from celery import shared_task

from sellers.payouts.services import release_due_credits as release


@shared_task(name="payouts.release_due_credits")
def release_due_credits():
    """Credits whose hold has ended become available (a second run releases nothing more)."""
    return release()
