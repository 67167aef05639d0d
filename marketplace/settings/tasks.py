"""Celery: broker, acknowledgement and time limits, and the one beat schedule."""

from django.core.exceptions import ImproperlyConfigured

from marketplace.settings.environment import env
from marketplace.settings.framework import REDIS_URL

CELERY_BROKER_URL = env("CELERY_BROKER_URL", default=REDIS_URL or "memory://")
CELERY_RESULT_BACKEND = env("CELERY_RESULT_BACKEND", default=REDIS_URL or None)
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=not REDIS_URL)
CELERY_TASK_EAGER_PROPAGATES = True
# A task is acknowledged when it returns (acks_late). On Redis its message waits meanwhile in
# the "unacked" set, and a worker redelivers it once it is older than the visibility timeout:
# a worker killed mid-task costs that long, not Redis's default hour. A task still running at
# that age would be delivered a second time, so the time limits stay below it (checked here);
# every task is idempotent in any case (README, "Background tasks").
_VISIBILITY_TIMEOUT = env.int("CELERY_VISIBILITY_TIMEOUT", default=300)
CELERY_TASK_SOFT_TIME_LIMIT = env.int("CELERY_TASK_SOFT_TIME_LIMIT", default=120)
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", default=150)
if not 0 < CELERY_TASK_SOFT_TIME_LIMIT < CELERY_TASK_TIME_LIMIT < _VISIBILITY_TIMEOUT:
    raise ImproperlyConfigured(
        "Celery needs 0 < CELERY_TASK_SOFT_TIME_LIMIT < CELERY_TASK_TIME_LIMIT < "
        "CELERY_VISIBILITY_TIMEOUT, or a running task is delivered twice."
    )
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": _VISIBILITY_TIMEOUT,
    # Look for timed-out messages every few seconds (kombu scans every 100 s by default).
    "unacked_restore_interval": max(1, min(10, _VISIBILITY_TIMEOUT // 10)),
    "unacked_restore_throttle": 1,
}
CELERY_TASK_ACKS_LATE = True
# A pool process that dies (OOM killer, segfault) puts its task back in the queue at once.
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TIMEZONE = "UTC"

# Celery beat (`celery -A marketplace beat`, one instance): every periodic task, in one place.
# Task modules outside an app's ``tasks`` module (autodiscovery finds only those).
CELERY_IMPORTS = ["sellers.fulfilment.tracking.tasks"]

CELERY_BEAT_SCHEDULE = {
    "forget-old-task-receipts": {"task": "idempotency.forget_old_receipts", "schedule": 86400},
    "sellers-delete-abandoned-drafts": {
        "task": "sellers.tasks.delete_abandoned_drafts",
        "schedule": 6 * 3600,
    },
    "sellers-card-expiry": {
        "task": "sellers.tasks.check_card_expiry",
        "schedule": env.int("SELLER_CARD_CHECK_SECONDS", default=6 * 60 * 60),
    },
    "certificates-expiry": {"task": "certificates.check_expiry", "schedule": 6 * 3600},
    # The lists' ships-to sets, built off the storefront (today's, and tomorrow's before midnight).
    "shipping-warm-ships-to-sets": {
        "task": "shipping.warm_ships_to_sets",
        "schedule": env.int("SHIPS_TO_WARM_SECONDS", default=15 * 60),
    },
    "wholesale-expire-quotes": {"task": "wholesale.tasks.expire_quotes", "schedule": 3600},
    "cms-publish-scheduled-pages": {"task": "cms.publish_scheduled_pages", "schedule": 60.0},
    "refresh-exchange-rates": {
        "task": "marketplace.currency.tasks.refresh_exchange_rates",
        "schedule": 6 * 3600,
    },
    "release-expired-stock-reservations": {
        "task": "marketplace.payments.tasks.release_expired_reservations",
        "schedule": 60,
    },
    "fulfilment-poll-tracking": {
        "task": "fulfilment.poll_tracking",
        "schedule": env.int("TRACKING_POLL_SECONDS", default=3 * 60 * 60),
    },
    # Credits whose hold has passed become available for payout (idempotent).
    "payouts-release-due-credits": {"task": "payouts.release_due_credits", "schedule": 3600},
    # Returns: missed answer deadlines, return tracking, refunds that failed (idempotent).
    "returns-hourly": {"task": "returns.hourly", "schedule": 3600},
    # Succeeded intents without an order: place the order, or refund a charge that can have none.
    "reconcile-stripe-charges": {
        "task": "marketplace.payments.tasks.reconcile_charges",
        "schedule": env.int("PAYMENT_RECONCILE_SECONDS", default=15 * 60),
    },
}
