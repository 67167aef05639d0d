from celery import shared_task

from compliance.certificates import expiry


@shared_task(name="certificates.check_expiry")
def check_expiry():
    """Celery beat (CELERY_BEAT_SCHEDULE): warn before expiry, apply the rules after."""
    return {"warned": expiry.warn_expiring(), "expired": expiry.apply_expired()}
