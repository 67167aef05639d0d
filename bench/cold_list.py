"""Cold whole-catalogue lists: the render of a list with nothing cached, and its index build.

Usage::

    .venv/bin/python bench/cold_list.py [--products 10000 100000] [--repeat 5]

Runs against the bench databases ``bench_<N><BENCH_DB_SUFFIX>`` that ``run.py`` seeds (start
``run.py --keep-db`` once, or seed them as it does); each size runs in a child process with the
bench's environment (``DEBUG=false``, Redis ``BENCH_REDIS_URL``, cache prefix of the database).

For each page (the whole catalogue, its first root category, a search for "rug") it prints the
median and minimum over ``--repeat`` runs of:

- ``view ms``: one anonymous GET through Django's test client after this database's cache keys
  were all deleted (no page, list index, result, card or vocabulary cached, in Redis or in the
  process's own copies, ``marketplace.core.local_cache``; other per-process caches (content
  types, URL resolvers) stay warm, as in a running server);
- ``list ms``: the same GET, everything deleted again but the catalogue-wide set of products
  that may not ship to the buyer's country (shared by every list, kept through sales and price
  edits) computed first: a list no one has seen since its index expired;
- ``index ms``: the list's index alone (``listing.listing_index``), cache emptied the same way;
  ``parts`` splits it into the functions it calls (whichever of them exist in this code);
- ``warm ms``: the same GET again with the list cached but the page cache off (a render).

It prints the load average before and after: the machine may be shared, so compare figures
of one run (ratios) rather than runs taken at other times.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

# Functions timed inside the index build, when the measured code has them.
PARTS = (
    "catalog.search.engine.listed_rows",
    "catalog.search.engine.search_rows",
    "catalog.search.engine.ranked_parts",
    "catalog.facets.product_rows",
    "catalog.list_index.build",
    "catalog.search.engine.list_parts",
    "catalog.list_index.from_sql",
    "catalog.listing._store_index",
    "catalog.listing._load_index",
    "catalog.destinations.blocked_ids",
    "catalog.cards.render_cards_of_ids",
    "catalog.listing.in_country",
    "catalog.list_index.refine",
)


def _child(products, repeat):
    import django

    sys.path.insert(0, str(ROOT))
    django.setup()
    import importlib

    import common
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings
    from django.utils import translation
    from oscar.core.loading import get_model

    timings = {}

    def wrap(dotted):
        module_name, name = dotted.rsplit(".", 1)
        module = importlib.import_module(module_name)
        original = getattr(module, name, None)
        if original is None:
            return
        # Modules that imported the name directly see the wrapper too.
        holders = [
            m
            for m in list(sys.modules.values())
            if getattr(m, "__name__", "").startswith(("catalog", "marketplace"))
            and getattr(m, name, None) is original
        ]

        def timed(*args, **kwargs):
            started = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                timings[dotted] = timings.get(dotted, 0) + time.perf_counter() - started

        for holder in holders:
            setattr(holder, name, timed)

    for dotted in PARTS:
        wrap(dotted)

    def flush_prefix():
        local_cache.clear()  # this process's own copies of versioned values: nothing is kept
        return common.clear_cache(products)

    from marketplace.core import local_cache

    Category = get_model("catalogue", "Category")
    category = Category.objects.browsable().filter(depth=1).order_by("path").first()
    with translation.override("en"):
        pages = {
            "catalogue": "/en/catalogue/",
            "category": category.get_absolute_url(),
            "search rug": "/en/search/?q=rug",
        }
    client = Client(HTTP_HOST="127.0.0.1")
    flush_prefix()  # values another version of the code left
    for url in pages.values():  # per-process caches (content types, menus, site root)
        assert client.get(url).status_code == 200, url
    report = {}
    for name, url in pages.items():
        figures = {
            key: [] for key in ("view", "list", "index", "warm", "queries", "parts", "vparts")
        }
        for _ in range(repeat):
            flush_prefix()
            timings.clear()
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                response = client.get(url)
                figures["view"].append(time.perf_counter() - started)
            assert response.status_code == 200, (url, response.status_code)
            figures["queries"].append(len(queries))
            figures["vparts"].append(dict(timings))
            flush_prefix()  # again, but the catalogue-wide ships-to set is computed first
            _ships_to_set(url)
            started = time.perf_counter()
            assert client.get(url).status_code == 200
            figures["list"].append(time.perf_counter() - started)
            with override_settings(STOREFRONT_PAGE_CACHE=False):
                started = time.perf_counter()
                client.get(url)
                figures["warm"].append(time.perf_counter() - started)
            flush_prefix()
            timings.clear()
            view = _view_for(url)
            started = time.perf_counter()
            with translation.override("en"):
                view()
            figures["index"].append(time.perf_counter() - started)
            figures["parts"].append(dict(timings))
        report[name] = {
            "url": url,
            **{
                key: {"median": statistics.median(v) * 1000, "min": min(v) * 1000}
                for key, v in figures.items()
                if key in ("view", "list", "index", "warm")
            },
            "queries": statistics.median(figures["queries"]),
            **{
                name: {
                    part.rsplit(".", 1)[1]: statistics.median(
                        [run.get(part, 0) * 1000 for run in figures[name]]
                    )
                    for part in {p for run in figures[name] for p in run}
                }
                for name in ("parts", "vparts")
            },
        }
    report["sql alternative"] = _sql_alternative(repeat)
    report["price edit"] = _price_edit(products, repeat)
    print("COLD_JSON " + json.dumps(report))


def _price_edit(products, repeat):
    """What one price edit costs the whole catalogue's cached index: the next request's update
    (ms) and the bytes it writes to the cache (pickled), median of ``repeat`` edits.

    The price is raised by one dirham and its search documents rewritten at once (the bench
    runs no Celery worker), then put back the same way.
    """
    import pickle

    import common
    from django.core.cache import cache
    from django.db.models import F
    from django.test import RequestFactory
    from django.utils import translation
    from oscar.core.loading import get_model

    from catalog.search.index import reindex
    from catalog.views import CatalogueView
    from marketplace.core.cache import touch_products

    written = []
    original_set, original_set_many = cache.set, cache.set_many

    def counting_set(key, value, *args, **kwargs):
        written.append(len(pickle.dumps(value, pickle.HIGHEST_PROTOCOL)))
        return original_set(key, value, *args, **kwargs)

    def counting_set_many(data, *args, **kwargs):
        written.extend(len(pickle.dumps(v, pickle.HIGHEST_PROTOCOL)) for v in data.values())
        return original_set_many(data, *args, **kwargs)

    def index():
        view = CatalogueView()
        view.setup(RequestFactory().get("/en/catalogue/"))
        with translation.override("en"):
            return view.get_index()

    from catalog import listing

    ships = getattr(listing, "ships_to_set", None)
    request = RequestFactory().get("/en/catalogue/", HTTP_HOST="127.0.0.1")
    with translation.override("en"):
        country = listing.destination(request, {})
    StockRecord = get_model("partner", "StockRecord")
    record = StockRecord.objects.filter(product__is_public=True).order_by("-pk").first()
    common.clear_cache(products)
    index()
    if ships is not None:
        ships(country)
    times, sizes, ships_times = [], [], []
    for step in range(2 * repeat):
        delta = 1 if step % 2 == 0 else -1
        StockRecord.objects.filter(pk=record.pk).update(price=F("price") + delta)
        reindex([record.product_id])
        touch_products([record.product_id])
        if ships is not None:
            started = time.perf_counter()
            ships(country)  # the ships-to set's update: the rule for this product only
            ships_times.append(time.perf_counter() - started)
        written.clear()
        cache.set, cache.set_many = counting_set, counting_set_many
        try:
            started = time.perf_counter()
            index()
            times.append(time.perf_counter() - started)
        finally:
            cache.set, cache.set_many = original_set, original_set_many
        sizes.append(sum(written))
    return {
        "update ms": statistics.median(times) * 1000,
        "bytes written": statistics.median(sizes),
        "ships-to update ms": statistics.median(ships_times) * 1000 if ships_times else None,
    }


# Alternative (b), measured for comparison: the database orders and pages the whole list (the
# B-tree ``list_rows_en`` on created_us) and counts its facets with grouped queries, on every
# selection not cached, instead of a bitmap index built once per list.
ALT_PAGE_SQL = """
SELECT product_id FROM catalogue_productsearchdocument
WHERE language = 'en' AND {sellable} {filter}
ORDER BY created_us DESC, product_id DESC LIMIT 24
"""
ALT_COUNTS_SQL = """
WITH listed AS MATERIALIZED (
    SELECT product_id, region_id, unique_piece, price_cents, material_ids, technique_ids,
        category_ids
    FROM catalogue_productsearchdocument WHERE language = 'en' AND {sellable} {filter}
)
SELECT 'all', NULL::integer, count(*) FROM listed
UNION ALL SELECT 'unique', NULL, count(*) FROM listed WHERE unique_piece
UNION ALL SELECT 'price', width_bucket(price_cents, ARRAY[0, 50000, 200000, 1000000]), count(*)
    FROM listed WHERE price_cents IS NOT NULL GROUP BY 2
UNION ALL SELECT 'region', region_id, count(*) FROM listed GROUP BY 2
UNION ALL SELECT 'material', v, count(*) FROM listed, unnest(material_ids) v GROUP BY 2
UNION ALL SELECT 'technique', v, count(*) FROM listed, unnest(technique_ids) v GROUP BY 2
UNION ALL SELECT 'category', v, count(*) FROM listed, unnest(category_ids) v GROUP BY 2
"""


def _sql_alternative(repeat):
    """Milliseconds (median, min) of alternative (b) for the whole catalogue: the first page
    and the facet counts, unfiltered and with one material selected (two count queries: the
    material's own counts are the unfiltered ones)."""
    from django.db import connection

    from catalog.search import engine

    sellable, params = engine._sellable_sql()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT material_id FROM catalogue_product_materials GROUP BY 1 ORDER BY count(*)"
            " DESC LIMIT 1"
        )
        material = cursor.fetchone()[0]
    found = {"page": [], "counts": [], "page+counts, one filter": []}
    one = f"AND material_ids @> ARRAY[{int(material)}]"
    with connection.cursor() as cursor:
        for _ in range(repeat):
            for name, statements in (
                ("page", [ALT_PAGE_SQL.format(sellable=sellable, filter="")]),
                ("counts", [ALT_COUNTS_SQL.format(sellable=sellable, filter="")]),
                (
                    "page+counts, one filter",
                    [
                        ALT_PAGE_SQL.format(sellable=sellable, filter=one),
                        ALT_COUNTS_SQL.format(sellable=sellable, filter=""),
                        ALT_COUNTS_SQL.format(sellable=sellable, filter=one),
                    ],
                ),
            ):
                started = time.perf_counter()
                for sql in statements:
                    cursor.execute(sql, params)
                    cursor.fetchall()
                found[name].append(time.perf_counter() - started)
    return {
        name: {"median": statistics.median(v) * 1000, "min": min(v) * 1000}
        for name, v in found.items()
    }


def _ships_to_set(url):
    """Fill the cache's set of the products that may not ship to this request's country (one
    set, over the whole catalogue, shared by every list: a product's sale or price edit keeps
    it)."""
    from django.test import RequestFactory
    from django.utils import translation

    from catalog import listing

    request = RequestFactory().get(url, HTTP_HOST="127.0.0.1")
    with translation.override("en"):
        country = listing.destination(request, {})
        if hasattr(listing, "blocked_ids"):
            listing.blocked_ids(country)
        else:  # the code before it had a name: the same cached value
            from django.utils import timezone

            from catalog import destinations
            from marketplace.core.cache import CATALOGUE, STOREFRONT, versioned

            day = timezone.localdate()
            versioned(
                (STOREFRONT, CATALOGUE),
                f"ships-blocked:{country}:{day}",
                lambda: destinations.blocked_ids(country, day),
                listing.ROWS_TIMEOUT,
            )


def _view_for(url):
    """A callable building the index of the list at ``url`` (nothing else)."""
    from django.test import RequestFactory
    from django.urls import resolve

    request = RequestFactory().get(url, HTTP_HOST="127.0.0.1")
    match = resolve(request.path)
    view_class = match.func.view_class
    view = view_class(**getattr(match.func, "view_initkwargs", {}))
    view.setup(request, *match.args, **match.kwargs)
    if "pk" in match.kwargs:
        from oscar.core.loading import get_model

        view.category = get_model("catalogue", "Category").objects.get(pk=match.kwargs["pk"])
    return view.get_index


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--products", type=int, nargs="+", default=[10000, 100000])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.products[0], args.repeat)
        return
    import common

    load_before = os.getloadavg()
    results = {}
    for products in args.products:
        if common.recorded_seed(products) is None:
            print(f"{common.db_name(products)} is not seeded: run bench/run.py --keep-db first")
            continue
        env = common.bench_env(products, ROOT / "bench" / "results" / "static-unused")
        output = subprocess.run(
            [str(common.PYTHON), __file__, "--child", "--products", str(products)]
            + ["--repeat", str(args.repeat)],
            cwd=ROOT,
            env=env,
            text=True,
            capture_output=True,
        )
        if output.returncode:
            sys.exit(f"{common.db_name(products)}: the measurement failed\n{output.stderr}")
        output = output.stdout
        line = next(x for x in output.splitlines() if x.startswith("COLD_JSON "))
        results[products] = json.loads(line.removeprefix("COLD_JSON "))
    load_after = os.getloadavg()
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    print(f"commit {commit}; load average before {load_before[0]:.2f}, after {load_after[0]:.2f}")
    print(f"medians (min) of {args.repeat} runs, ms")
    header = (
        f"{'products':>8} {'page':<11} {'view':>15} {'list':>15} {'index':>15} {'warm':>13}"
        f" {'SQL':>4}"
    )
    print(header + "  index parts (median ms)")
    for products, pages in results.items():
        alternative = pages.pop("sql alternative")
        edit = pages.pop("price edit")
        for name, row in pages.items():
            parts = ", ".join(f"{k} {v:.0f}" for k, v in sorted(row["parts"].items()) if v)
            vparts = ", ".join(f"{k} {v:.0f}" for k, v in sorted(row["vparts"].items()) if v)
            print(
                f"{products:>8} {name:<11} "
                f"{row['view']['median']:>7.0f} ({row['view']['min']:>5.0f}) "
                f"{row['list']['median']:>7.0f} ({row['list']['min']:>5.0f}) "
                f"{row['index']['median']:>7.0f} ({row['index']['min']:>5.0f}) "
                f"{row['warm']['median']:>5.0f} ({row['warm']['min']:>5.0f}) "
                f"{row['queries']:>4.0f}  {parts}"
            )
            print(f"{'':>21} in the view: {vparts}")
        print(
            f"{products:>8} one price edit, the whole catalogue's index: update "
            f"{edit['update ms']:.0f} ms, {edit['bytes written'] / 1024:.0f} KB written"
        )
        if edit.get("ships-to update ms") is not None:
            print(
                f"{products:>8} the same edit, the ships-to set's update (the rule for that "
                f"product only): {edit['ships-to update ms']:.1f} ms"
            )
        print(
            f"{products:>8} alternative (b), whole catalogue in SQL per selection: "
            + ", ".join(
                f"{name} {v['median']:.0f} ({v['min']:.0f})" for name, v in alternative.items()
            )
        )


if __name__ == "__main__":
    main()
