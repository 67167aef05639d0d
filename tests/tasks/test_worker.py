"""The Celery app runs tasks in-process by default and through a real worker on Redis."""

import os
import subprocess
import sys

import pytest
from django.conf import settings

from marketplace.celery import app, ping


def test_tasks_run_in_process_without_a_broker():
    """With REDIS_URL unset (a newcomer's machine) a task runs eagerly, in-process."""
    script = (
        "import django; django.setup(); "
        "from marketplace.celery import app, ping; "
        "print(app.conf.task_always_eager, app.conf.broker_url, ping.delay().get(timeout=1))"
    )
    env = {k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "CELERY_BROKER_URL"}}
    env["DJANGO_SETTINGS_MODULE"] = "marketplace.settings.test"
    result = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["True", "memory://", "pong"]


@pytest.mark.redis
def test_worker_runs_a_task_through_redis():
    from celery.contrib.testing.worker import start_worker

    assert app.conf.broker_url == settings.REDIS_URL
    assert app.conf.task_always_eager is False
    with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
        assert ping.delay().get(timeout=20) == "pong"
