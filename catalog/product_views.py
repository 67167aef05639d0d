"""Product page views, counted for Oscar's analytics (``ProductRecord.num_views``) without a
task message per view.

A signed-in viewer's view is sent at once (``tasks.record_product_view``: it is also their
browsing history). An anonymous view is added to this worker's tally, which is sent as one
message (``tasks.record_product_views``) once ``PRODUCT_VIEW_FLUSH_SECONDS`` have passed since
the last, and when the worker exits. Publishing a message per view was a quarter of the time
of a cached product page; a worker that dies unexpectedly loses the views of its last few
seconds, which a view counter can spare.
"""

import atexit
import threading
import time
from collections import Counter

from django.conf import settings

from catalog.tasks import record_product_view, record_product_views

_tally = Counter()
_lock = threading.Lock()
_last_sent = [time.monotonic()]


def count_view(product_id, user_id=None):
    """Count one view of the product page of ``product_id`` (after the request's commit)."""
    if user_id is not None:
        record_product_view.delay(product_id, user_id)
        return
    with _lock:
        _tally[product_id] += 1
        due = time.monotonic() - _last_sent[0] >= settings.PRODUCT_VIEW_FLUSH_SECONDS
    if due:
        send_tally()


def send_tally():
    """Send this worker's tally of anonymous views as one message, and start a new one."""
    with _lock:
        counts = sorted(_tally.items())
        _tally.clear()
        _last_sent[0] = time.monotonic()
    if counts:
        record_product_views.delay(counts)


atexit.register(send_tally)
