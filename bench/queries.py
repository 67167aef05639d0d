"""Count SQL queries per page with Django's test client, in the bench environment.

Usage (run.py does this): ``python bench/queries.py /en/ /en/search/?q=rug ...``; prints one JSON
line ``{url: {"served": counts, "rendered": counts}}``, where counts are
``{"status", "first", "second", "second_without_tx"}``.

Each GET is anonymous and cookie-less, like wrk's; the second count is the steady state
(per-process caches warm). ``served`` is what a visitor costs as configured (a whole-page cache
hit when the project caches the page); ``rendered`` is the same with ``STOREFRONT_PAGE_CACHE``
off, i.e. what rendering the page costs. Counts include BEGIN and COMMIT (ATOMIC_REQUESTS), as
Django 5 captures them and tests/ counts them; ``second_without_tx`` leaves them out.
"""

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSACTION_CONTROL = ("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE SAVEPOINT")


def setup_django():
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def count(url):
    """SQL of one anonymous GET: (status, statements, statements but transaction control)."""
    from contextlib import ExitStack

    from django.db import connections
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    with ExitStack() as stack:
        # Every database: with --replica, the catalogue reads go to the replica's connection.
        captured = [stack.enter_context(CaptureQueriesContext(c)) for c in connections.all()]
        response = client.get(url)
    queries = [query for capture in captured for query in capture.captured_queries]
    sql = [query["sql"].lstrip().upper() for query in queries]
    data = [text for text in sql if not text.startswith(TRANSACTION_CONTROL)]
    return response.status_code, len(sql), len(data)


def count_twice(url):
    _status, first, _data = count(url)
    status, second, data = count(url)
    return {"status": status, "first": first, "second": second, "second_without_tx": data}


def main(urls):
    setup_django()
    from django.test import override_settings

    report = {}
    for url in urls:
        served = count_twice(url)
        with override_settings(STOREFRONT_PAGE_CACHE=False):
            rendered = count_twice(url)
        report[url] = {"served": served, "rendered": rendered}
    print("BENCH_JSON " + json.dumps(report))


if __name__ == "__main__":
    main(sys.argv[1:])
