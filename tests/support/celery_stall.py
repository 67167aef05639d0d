"""Loaded only into the workers of tests/tasks/test_redelivery.py (``celery worker --include``).

The first rendering of one kind of customs paper (``STALL_KIND``) stalls, so the test can kill
the worker in the middle of the real ``shipping.generate_customs_documents`` task; every
rendering that finishes is counted in Redis under ``STALL_KEY``. Production code never
imports this module, and no task is registered by it.
"""

import os
import time

import redis
import weasyprint

from sellers.fulfilment import documents

STALL_SECONDS = 600  # far beyond the test's time limits: the test kills the worker first

_redis = redis.Redis.from_url(os.environ["REDIS_URL"])
_key = os.environ["STALL_KEY"]
_kind = os.environ["STALL_KIND"]
_render = documents.render_pdf


def render_pdf(kind, context):
    if kind == _kind and _redis.set(f"{_key}:stalled", os.getpid(), nx=True):
        time.sleep(STALL_SECONDS)
    pdf = _render(kind, context)
    _redis.incr(f"{_key}:rendered:{kind}")
    return pdf


# Warm WeasyPrint (imports, fonts) before the pool forks, so a rendering is quick in a child.
weasyprint.HTML(string="<p>warm</p>").write_pdf()
documents.render_pdf = render_pdf
