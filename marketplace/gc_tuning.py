"""Garbage collection tuned for a web worker.

A list page allocates thousands of small containers (a search's 1,000 rows), so CPython's
default thresholds (700, 10, 10) run a full collection every few requests, and each walks
every object the worker holds: Django, Oscar and Wagtail's modules, URL patterns, compiled
templates (about 100 ms here). These long-lived objects are moved out of the collector's sight
(``gc.freeze``) once the application is loaded and again after the worker's first requests
(which load URL patterns, templates and translations); the first generation collects less
often. Cycles are still collected.
"""

import gc

THRESHOLDS = (20_000, 20, 20)
WARM_UP_REQUESTS = 20


def tune():
    gc.freeze()
    gc.set_threshold(*THRESHOLDS)


class FreezeAfterWarmUp:
    """WSGI middleware: ``gc.freeze()`` once the worker has served its first requests."""

    def __init__(self, application, requests=WARM_UP_REQUESTS):
        self.application = application
        self.remaining = requests

    def __call__(self, environ, start_response):
        try:
            return self.application(environ, start_response)
        finally:
            if self.remaining > 0:
                self.remaining -= 1
                if self.remaining == 0:
                    gc.freeze()
