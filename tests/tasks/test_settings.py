"""Celery's delivery settings: a task killed mid-run comes back within minutes, not an hour,
and no live task outlasts the visibility timeout (or Redis would deliver it a second time)."""

import os
import subprocess
import sys

from marketplace.celery import app


def celery_conf(**environ):
    """The Celery configuration a fresh process reads with ``environ`` added."""
    script = (
        "import django; django.setup(); from marketplace.celery import app; c = app.conf; "
        "print(c.broker_transport_options['visibility_timeout'], c.task_soft_time_limit, "
        "c.task_time_limit, c.task_acks_late, c.task_reject_on_worker_lost)"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "marketplace.settings.test", **environ}
    return subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=False
    )


def test_tasks_are_acknowledged_late_and_requeued_when_their_worker_dies():
    assert app.conf.task_acks_late is True
    assert app.conf.task_reject_on_worker_lost is True


def test_a_killed_task_is_redelivered_within_minutes_not_the_redis_default_hour():
    assert app.conf.broker_transport_options["visibility_timeout"] <= 600


def test_no_task_outlives_the_visibility_timeout():
    visibility = app.conf.broker_transport_options["visibility_timeout"]
    assert 0 < app.conf.task_soft_time_limit < app.conf.task_time_limit < visibility


def test_unacknowledged_messages_are_scanned_for_more_often_than_they_time_out():
    options = app.conf.broker_transport_options
    period = options["unacked_restore_interval"] * options["unacked_restore_throttle"]
    assert period <= options["visibility_timeout"] / 4


def test_visibility_timeout_and_time_limits_come_from_the_environment():
    limits = {"CELERY_TASK_SOFT_TIME_LIMIT": "12", "CELERY_TASK_TIME_LIMIT": "15"}
    result = celery_conf(CELERY_VISIBILITY_TIMEOUT="20", **limits)
    assert result.stdout.split() == ["20", "12", "15", "True", "True"]


def test_a_time_limit_as_long_as_the_visibility_timeout_is_refused_at_start():
    result = celery_conf(CELERY_VISIBILITY_TIMEOUT="100", CELERY_TASK_TIME_LIMIT="100")
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and "CELERY_VISIBILITY_TIMEOUT" in result.stderr
