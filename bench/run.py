"""Storefront throughput, latency and SQL queries per page, against gunicorn on PostgreSQL.

    .venv/bin/python bench/run.py [--products 10000] [--duration 10] [--connections 16]
                                  [--keep-db] [--drop-db] [--workers 2*cores]
                                  [--orders 5] [--price-edits 5] [--replica [--keep-replica]]

Prepares ``bench_<N>`` (migrate, seed_demo), serves it with gunicorn on 127.0.0.1, loads each
page with wrk, counts its SQL queries with Django's test client, prints a table and writes it as
JSON to bench/results/<timestamp>.json. Then, unless both rates are 0, loads every page again
while ``bench/writes.py`` places orders and edits prices at the given rates per second, and
prints both passes side by side. See bench/README.md.
"""

import argparse
import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import time
import uuid

from common import (
    BENCH,
    DB_SUFFIX,
    PYTHON,
    RESULTS,
    ROOT,
    CpuMeter,
    bench_server,
    describe_git,
    drop_database,
    fetch,
    git_state,
    log,
    manage,
    nproc,
    purge_task_queue,
    timestamp,
    wait_idle,
)

REPORT_LUA = BENCH / "report.lua"
WRK_THREADS = 2
WARMUP_SECONDS = 2
WRK_TIMEOUT = "10s"
SEARCH_PATH = "/en/search/?q=rug"
# A query no cache has seen: "rug or <unique word>" (websearch syntax) finds what "rug" finds.
NEW_QUERY_PATH = "/en/search/?q=rug+or+zq__BUST__"
BUST_PLACEHOLDER = "__BUST__"
# A query no cache has seen whose words all are in the catalogue: "rug or <a> <b>" (rug, or both
# words), a pair of the catalogue's own words per request (``words_file``), so no canonical form
# repeats (``catalog.search.canonical``: queries with one form share one index).
NEW_WORDS_PATH = "/en/search/?q=rug+or+__WORDS__"
WORDS_PLACEHOLDER = "__WORDS__"
MIN_RATIO_PCT = 10
SEARCH_P99_MS = 100
SCALE_LIMIT = 1.5
SCALE_SIZES = {10_000, 100_000}
SOLO_REPEAT = 10
CONTENTION_PCT = 10
TABLE_NOTES = (
    "req/s, p50, p99: wrk, anonymous, no cookies. SQL: statements of a warm anonymous GET as",
    "served (page cache as configured); rSQL: the same with STOREFRONT_PAGE_CACHE off (the",
    "render); both count BEGIN/COMMIT (ATOMIC_REQUESTS), as tests/ do. 1st ms: the first request",
    f"after start (cold caches); solo ms: median of {SOLO_REPEAT} sequential requests on the idle",
    "server (latency without concurrency).",
    "(new URL): every request adds a unique nocache=... parameter: the page cache misses, the",
    "list's cached rows and cards are used (a buyer paging or refining). search (new query):",
    "every request searches 'rug or <unique word>' (no document holds the word: its canonical",
    "form is 'rug'). search (new words): 'rug or <a> <b>', two words of the catalogue: no cache",
    "has seen the query or its canonical form (their SQL is the cold count).",
    "other: CPU used by processes other than the bench during the measured run (% of the",
    f"machine); over {CONTENTION_PCT}% flags the row and keeps the run out of the scale budget.",
)
FEW_REQUESTS = 100

LOOKUP = """
import json
import os
from django.db import connection
from django.utils import translation
from oscar.core.loading import get_model
Category = get_model("catalogue", "Category")
Product = get_model("catalogue", "Product")
category = Category.objects.browsable().filter(depth=1).order_by("path").first()
products = Product.objects.sellable().order_by("pk")
product = products.filter(images__isnull=False).first() or products.first()
urls = {}
for lang in ("en", "ar"):
    with translation.override(lang):
        urls[lang] = {
            "category": category.get_absolute_url(),
            "product": product.get_absolute_url(),
        }
# Words of 0.1-5% of the English documents, each its own lexeme ("rugs" would be "rug").
with connection.cursor() as cursor:
    cursor.execute(
        "SELECT word FROM ts_stat('SELECT vector FROM catalogue_productsearchdocument"
        " WHERE language = ''en''') WHERE ndoc * 1000 >= %(n)s AND ndoc * 20 <= %(n)s"
        " AND websearch_to_tsquery('mp_en', word)::text = quote_literal(word) ORDER BY word",
        {"n": Product.objects.count()},
    )
    urls["words"] = [word for (word,) in cursor.fetchall()]
print("BENCH_JSON " + json.dumps(urls))
"""


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--products", type=int, default=10000)
    parser.add_argument("--duration", type=int, default=10, help="seconds of load per page")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2 * nproc(), help="gunicorn workers")
    parser.add_argument("--keep-db", action="store_true", help="reuse bench_<N> if seeded")
    parser.add_argument("--drop-db", action="store_true", help="drop bench_<N> at the end")
    parser.add_argument("--orders", type=float, default=5, help="orders placed per second")
    parser.add_argument("--price-edits", type=float, default=5, help="price edits per second")
    parser.add_argument(
        "--replica",
        action="store_true",
        help="serve anonymous catalogue reads from a streaming replica (bench/replica.py)",
    )
    parser.add_argument(
        "--keep-replica", action="store_true", help="leave the replica running for the next run"
    )
    return parser.parse_args()


def require_wrk():
    if shutil.which("wrk") is None:
        sys.exit("wrk is missing: install it with `apt-get install -y wrk`")


def marked_json(output):
    """The JSON after the ``BENCH_JSON`` marker in a subprocess's output."""
    for line in output.splitlines():
        if line.startswith("BENCH_JSON "):
            return json.loads(line.removeprefix("BENCH_JSON "))
    raise RuntimeError(f"no BENCH_JSON line in output:\n{output[-2000:]}")


def lookup_pages(env):
    """(name, path) of the loaded pages; category and product are real rows of the bench DB."""
    urls = marked_json(manage(env, "shell", "-c", LOOKUP, timeout=120, capture=True))
    words_file().write_text("\n".join(urls["words"]) + "\n")
    return [
        ("bare", "/bench/bare/"),
        ("home", "/en/"),
        ("category", urls["en"]["category"]),
        ("category (ar)", urls["ar"]["category"]),
        ("product", urls["en"]["product"]),
        ("search", SEARCH_PATH),
    ]


def uncached_pages(pages):
    """(name, path, queries counted) of pages loaded with a new URL each request.

    Search and the category with a unique ``nocache`` parameter (the page cache misses; the
    list's rows and cards are cached), and a search for a query no cache has seen.
    """
    category = dict(pages)["category"]
    return [
        ("category (new URL)", category, "rendered"),
        ("search (new URL)", SEARCH_PATH, "rendered"),
        ("search (new query)", NEW_QUERY_PATH, "cold"),
        ("search (new words)", NEW_WORDS_PATH, "cold"),
    ]


def words_file():
    """The catalogue's words ``NEW_WORDS_PATH`` pairs, one per line (``report.lua`` reads it)."""
    return RESULTS / f"search-words{DB_SUFFIX}.txt"


def word_pair(n):
    """The ``n``-th pair of the catalogue's words, as a query string's value."""
    words = words_file().read_text().split()
    return f"{words[n % len(words)]}+{words[n // len(words) % len(words)]}"


def counted_path(path):
    """The URL whose queries stand for ``path`` (fixed words for the unique ones)."""
    return path.replace(BUST_PLACEHOLDER, "countedonce").replace(WORDS_PLACEHOLDER, word_pair(1))


def query_only_pages(pages):
    """Category at the two other page sizes: queries only, to show they do not grow."""
    category = dict(pages)["category"]
    return [
        ("category ?per_page=12", f"{category}?per_page=12"),
        ("category ?per_page=48", f"{category}?per_page=48"),
    ]


def count_queries(env, paths):
    """{path: {status, first, second}} from bench/queries.py in the bench environment."""
    log("counting SQL queries per page")
    result = subprocess.run(
        [str(PYTHON), str(BENCH / "queries.py"), *paths],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=300,
        capture_output=True,
        text=True,
    )
    return marked_json(result.stdout)


def check_pages(base_url, pages):
    """Every page must answer 200 itself (no redirect): {path: {bytes, first_ms}}."""
    first = {}
    for name, path in pages:
        started = time.monotonic()
        status, _headers, body = fetch(base_url + path, timeout=120)
        elapsed = 1000 * (time.monotonic() - started)
        if status != 200:
            raise RuntimeError(f"{name} {path} answered {status}, not 200")
        first[path] = {"bytes": len(body), "first_ms": elapsed}
    return first


def wrk(url, duration, connections, threads=WRK_THREADS, bust=False):
    """One wrk run with report.lua; its summary dict."""
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--latency"]
    command += ["--timeout", WRK_TIMEOUT, "-s", str(REPORT_LUA), url]
    command += ["--", "bust", uuid.uuid4().hex[:12], str(words_file())] if bust else []
    result = subprocess.run(
        command, capture_output=True, text=True, check=True, timeout=duration + 60
    )
    return marked_json(result.stdout)


def busted(path):
    """``path`` made unique: its placeholder replaced, else a ``nocache`` parameter added."""
    unique = f"solo{uuid.uuid4().hex[:12]}"
    if WORDS_PLACEHOLDER in path:
        return path.replace(WORDS_PLACEHOLDER, word_pair(uuid.uuid4().int % 10**9))
    if BUST_PLACEHOLDER in path:
        return path.replace(BUST_PLACEHOLDER, unique)
    return f"{path}{'&' if '?' in path else '?'}nocache={unique}"


def solo_ms(base_url, path, bust=False, repeat=SOLO_REPEAT):
    """Median wall time of ``repeat`` sequential requests on an idle server, in ms."""
    times = []
    for _ in range(repeat):
        started = time.monotonic()
        status, _headers, _body = fetch(base_url + (busted(path) if bust else path), timeout=120)
        if status != 200:
            raise RuntimeError(f"{path} answered {status}, not 200")
        times.append(1000 * (time.monotonic() - started))
    return statistics.median(times)


def load(server, path, args, bust=False, writing=False):
    """Warm up, then measure one page: requests/s, p50 and p99 in ms, errors.

    Before each wrk run the server is let finish the requests the previous run abandoned. With
    ``bust`` every request has a unique query string, so the page cache never answers. While
    ``writing`` (the write mix runs) the database is never idle: only the workers are awaited.
    """
    url = server.base_url + path
    kind = " (unique query strings)" if bust else ""
    kind += " (with writes)" if writing else ""
    log(f"wrk {path}{kind}: {WARMUP_SECONDS} s warm-up, {args.duration} s measured")
    wrk(url, WARMUP_SECONDS, args.connections, bust=bust)
    drained = wait_idle(server.process, args.products, queries=not writing)
    with CpuMeter(args.products) as cpu:
        summary = wrk(url, args.duration, args.connections, bust=bust)
    drained_after = wait_idle(server.process, args.products, queries=not writing)
    completed = summary["requests"]
    latency = {
        key: value / 1000 if completed else None for key, value in summary["latency_us"].items()
    }
    errors = summary["errors"]
    return {
        "requests": completed,
        "rps": completed / (summary["duration_us"] / 1e6),
        "p50_ms": latency["p50"],
        "p90_ms": latency["p90"],
        "p99_ms": latency["p99"],
        "max_ms": latency["max"],
        "non_2xx": errors["status"],
        "socket_errors": errors["connect"] + errors["read"] + errors["write"],
        "timeouts": errors["timeout"],
        "idle_wait_s": [round(drained, 1), round(drained_after, 1)],
        "bench_cpu_pct": round(cpu.bench_pct, 1),
        "other_cpu_pct": round(cpu.other_pct, 1),
    }


def measure(server, args):
    """Rows of the report: load on every page, then SQL queries (steady-state count)."""
    pages = lookup_pages(server.env)
    extra = query_only_pages(pages)
    uncached = uncached_pages(pages)
    first = check_pages(server.base_url, pages)
    counted = [path for _name, path in pages + extra]
    counted += [counted_path(path) for _name, path, _count in uncached]
    queries = count_queries(server.env, counted)
    wait_idle(server.process, args.products)
    rows = []
    for name, path in pages:
        row = {"page": name, "path": path, **first[path]}
        row["solo_ms"] = solo_ms(server.base_url, path)
        row.update(load(server, path, args))
        rows.append(row)
    for name, path, count in uncached:
        row = {"page": name, "path": path, "unique_query_strings": True, "counted": count}
        row["solo_ms"] = solo_ms(server.base_url, path, bust=True)
        row.update(load(server, path, args, bust=True))
        rows.append(row)
    for name, path in extra:
        rows.append({"page": name, "path": path})
    bare_rps = rows[0]["rps"]
    for row in rows:
        counts = queries[counted_path(row["path"])]
        served, rendered = counts["served"], counts["rendered"]
        row["queries"] = served["second"]
        row["queries_rendered"] = rendered["second"]
        if row.get("counted") == "rendered":
            row["queries"] = rendered["second"]
        elif row.get("counted") == "cold":
            row["queries"] = row["queries_rendered"] = served["first"]
        row["query_counts"] = counts
        if "rps" in row:
            row["ratio_pct"] = 100 * row["rps"] / bare_rps
    return rows


WRITER = BENCH / "writes.py"
WRITER_START_TIMEOUT = 120


def start_writers(env, args):
    """The write mix: one ``bench/writes.py`` process per kind with a rate above 0."""
    writers = []
    for kind, rate in (("orders", args.orders), ("prices", args.price_edits)):
        if rate <= 0:
            continue
        log(f"starting the write mix: {kind} at {rate}/s")
        process = subprocess.Popen(
            [str(PYTHON), str(WRITER), "--kind", kind, "--rate", str(rate)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            text=True,
        )
        writers.append(process)
    for process in writers:
        deadline = time.monotonic() + WRITER_START_TIMEOUT
        line = process.stdout.readline()
        while line and not line.startswith("BENCH_READY") and time.monotonic() < deadline:
            line = process.stdout.readline()
        if not line.startswith("BENCH_READY"):
            stop_writers(writers)
            raise RuntimeError("a write-mix process did not start")
    return writers


def stop_writers(writers):
    """Stop the write mix; each process's summary (writes done, failed, mean ms)."""
    summaries = []
    for process in writers:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
    for process in writers:
        try:
            output, _err = process.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            output, _err = process.communicate()
        try:
            summaries.append(marked_json(output or ""))
        except RuntimeError:
            summaries.append({"error": "no summary", "returncode": process.returncode})
    return summaries


def measure_with_writes(server, args, rows):
    """Every loaded page again, while the write mix runs: row["writes"] = the load figures."""
    writers = start_writers(server.env, args)
    try:
        for row in rows:
            if "rps" not in row:
                continue
            bust = row.get("unique_query_strings", False)
            row["writes"] = load(server, row["path"], args, bust=bust, writing=True)
    finally:
        summaries = stop_writers(writers)
    bare = rows[0]["writes"]["rps"]
    for row in rows:
        if "writes" in row:
            row["writes"]["ratio_pct"] = 100 * row["writes"]["rps"] / bare
    return summaries


# Rows beyond the benchmark: every request is a URL no page cache has seen. Their
# ratio and p99 are printed against the same limits, as stretch goals, not budgets.
STRETCH_PAGES = (
    "category (new URL)",
    "search (new URL)",
    "search (new query)",
    "search (new words)",
)


def budgets(rows):
    """The per-run checks, each as {budget, passed, stretch}."""
    by_page = {row["page"]: row for row in rows}
    checks = [
        (
            row["page"],
            f"{row['page']} >= {MIN_RATIO_PCT}% of bare",
            row["ratio_pct"] >= MIN_RATIO_PCT,
        )
        for row in rows
        if "rps" in row and row["page"] != "bare"
    ]
    for name in ("search", "search (new URL)", "search (new query)", "search (new words)"):
        p99 = by_page[name]["p99_ms"]
        if p99 is None:
            text, passed = f"{name} p99 < {SEARCH_P99_MS} ms: no request completed", False
        else:
            text, passed = f"{name} p99 {p99:.1f} ms < {SEARCH_P99_MS} ms", p99 < SEARCH_P99_MS
        checks.append((name, text, passed))
    small = by_page["category ?per_page=12"]["queries_rendered"]
    large = by_page["category ?per_page=48"]["queries_rendered"]
    text = f"category queries, page cache off: per_page=12 ({small}) == 48 ({large})"
    checks.append(("category", text, small == large))
    return [
        {"budget": text, "passed": passed, "stretch": page in STRETCH_PAGES}
        for page, text, passed in checks
    ]


def counterpart(report):
    """The latest result of the scale budget's other size, under the same load settings."""
    sizes = SCALE_SIZES - {report["products"]}
    if len(sizes) != 1:
        return None, None
    same = ("duration", "connections", "workers", "threads")
    for path in sorted(RESULTS.glob("2*.json"), reverse=True):
        try:
            data = json.loads(path.read_text())
        except (OSError, ValueError):
            continue
        usable = data.get("contended") is False
        if usable and data.get("products") in sizes and all(data.get(k) == report[k] for k in same):
            return path, data
    return None, None


def scale_comparison(report):
    """Per page, how much slower the 100,000-product run is than the 10,000-product one."""
    path, other = counterpart(report)
    if other is None:
        return None
    large, small = sorted([report, other], key=lambda r: r["products"], reverse=True)
    small_rows = {row["page"]: row for row in small["rows"] if "p50_ms" in row}
    pages = {}
    for row in large["rows"]:
        base = small_rows.get(row["page"])
        if base and row.get("p50_ms") and base.get("p50_ms"):
            pages[row["page"]] = {
                "p50_ratio": row["p50_ms"] / base["p50_ms"],
                "rps_ratio": row["rps"] / base["rps"],
            }
    return {
        "large": large["products"],
        "small": small["products"],
        "file": path.name,
        "pages": pages,
    }


def fmt(value, pattern):
    return "-" if value is None else pattern.format(value)


def print_table(report):
    """The report as a fixed-width table with budgets, on stdout."""
    print(
        f"\nnproc {report['nproc']}, products {report['products']}, gunicorn workers "
        f"{report['workers']}, wrk -t{WRK_THREADS} -c{report['connections']} "
        f"-d{report['duration']}s (after {WARMUP_SECONDS} s warm-up)"
    )
    print(describe_git(report["git"]))
    before, after = report["load_average_before"], report["load_average_after"]
    print(
        f"load average (1, 5, 15 min) before {before[0]:.2f} {before[1]:.2f} {before[2]:.2f}, "
        f"after {after[0]:.2f} {after[1]:.2f} {after[2]:.2f}"
    )
    if report.get("replica"):
        replica = report["replica"]
        print(
            f"anonymous catalogue reads on a streaming replica (127.0.0.1:{replica['port']}), "
            f"replay lag after the load: {replica['lag_bytes_at_end']} bytes of WAL"
        )
    if report["contended"]:
        print(f"!! other work used over {CONTENTION_PCT}% of the CPU during some measurements")
    if report["code_changed_during_run"]:
        print("!! the working tree changed during the run; the server ran the code above")
    header = f"{'page':<22}{'req/s':>8}{'p50 ms':>9}{'p99 ms':>9}{'% bare':>8}{'SQL':>5}{'rSQL':>5}"
    header += f"{'1st ms':>8}{'solo ms':>8}{'other':>7}  path"
    print(header)
    print("-" * len(header))
    for row in report["rows"]:
        line = (
            f"{row['page']:<22}{fmt(row.get('rps'), '{:.1f}'):>8}"
            f"{fmt(row.get('p50_ms'), '{:.2f}'):>9}{fmt(row.get('p99_ms'), '{:.2f}'):>9}"
            f"{fmt(row.get('ratio_pct'), '{:.1f}%'):>8}{row['queries']:>5}"
            f"{row['queries_rendered']:>5}{fmt(row.get('first_ms'), '{:.0f}'):>8}"
            f"{fmt(row.get('solo_ms'), '{:.1f}'):>8}{fmt(row.get('other_cpu_pct'), '{:.0f}%'):>7}"
            f"  {row['path']}"
        )
        problems = [f"{row[k]} {k}" for k in ("non_2xx", "socket_errors") if row.get(k)]
        if "requests" in row and row["requests"] < FEW_REQUESTS:
            problems.append(f"only {row['requests']} requests completed")
        if (row.get("other_cpu_pct") or 0) > CONTENTION_PCT:
            problems.append("other work on the machine")
        if row.get("timeouts"):
            problems.append(f"{row['timeouts']} timeouts (> {WRK_TIMEOUT}, not in p50/p99)")
        print(line + (f"  !! {', '.join(problems)}" if problems else ""))
    for note in TABLE_NOTES:
        print(note)
    for stretch, title in (
        (False, "budgets (issue 7: cached anonymous pages, search p99, constant queries)"),
        (True, "stretch (URLs no cache has seen; beyond the issue's benchmark)"),
    ):
        print(f"\n{title}:")
        for check in report["budgets"]:
            if check.get("stretch", False) == stretch:
                print(f"  {'PASS' if check['passed'] else 'FAIL'}  {check['budget']}")
    print_scale(report.get("scale"))
    print_writes(report)


def print_writes(report):
    """Each page without and with the write mix, side by side."""
    if not report.get("writers"):
        return
    mix = report["write_mix"]
    print(
        f"\nwith writes: {mix['orders_per_s']:g} orders/s and {mix['price_edits_per_s']:g} price "
        "edits/s (bench/writes.py) running during every page's measurement"
    )
    for summary in report["writers"]:
        print(f"  {json.dumps(summary)}")
    header = f"{'page':<22}{'no writes: req/s':>17}{'p50':>8}{'p99':>8}{'% bare':>8}"
    header += f"{'writes: req/s':>15}{'p50':>8}{'p99':>9}{'max':>9}{'% bare':>8}"
    print(header)
    print("-" * len(header))
    for row in report["rows"]:
        if "writes" not in row:
            continue
        other = row["writes"]
        print(
            f"{row['page']:<22}{fmt(row.get('rps'), '{:.1f}'):>17}"
            f"{fmt(row.get('p50_ms'), '{:.1f}'):>8}{fmt(row.get('p99_ms'), '{:.1f}'):>8}"
            f"{fmt(row.get('ratio_pct'), '{:.1f}%'):>8}{fmt(other.get('rps'), '{:.1f}'):>15}"
            f"{fmt(other.get('p50_ms'), '{:.1f}'):>8}{fmt(other.get('p99_ms'), '{:.1f}'):>9}"
            f"{fmt(other.get('max_ms'), '{:.1f}'):>9}{fmt(other.get('ratio_pct'), '{:.1f}%'):>8}"
        )
    print("(ms; wrk as above; the writes pass reuses the same warm-up and duration)")


def print_scale(scale):
    if not scale:
        sizes = " and a ".join(map(str, sorted(SCALE_SIZES)))
        print(f"  (scale budget: needs a {sizes}-product run with the same --duration,")
        print("   --connections and --workers, undisturbed by other work)")
        return
    print(f"  scale {scale['large']} vs {scale['small']} products ({scale['file']}):")
    for page, ratio in scale["pages"].items():
        passed = ratio["p50_ratio"] <= SCALE_LIMIT
        print(
            f"  {'PASS' if passed else 'FAIL'}  {page}: p50 x{ratio['p50_ratio']:.2f}, "
            f"requests/s x{ratio['rps_ratio']:.2f} (limit: p50 x{SCALE_LIMIT})"
        )


def replica_lag(server):
    """The replica's replay lag (bytes of WAL) once the load is over, or None without one."""
    if server.replica_port is None:
        return None
    import replica

    return replica.lag_bytes(server.replica_port)


def on_sigterm(signum, frame):
    raise SystemExit(128 + signum)


def main():
    args = parse_args()
    require_wrk()
    signal.signal(signal.SIGTERM, on_sigterm)
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = timestamp()
    gunicorn_log = RESULTS / f"gunicorn-{stamp}.log"
    try:
        with bench_server(
            args.products,
            args.keep_db,
            args.workers,
            gunicorn_log,
            replica=args.replica,
            keep_replica=args.keep_replica,
        ) as server:
            code, load_before = git_state(), os.getloadavg()
            rows = measure(server, args)
            writes = None
            if args.orders > 0 or args.price_edits > 0:
                writes = measure_with_writes(server, args, rows)
            load_after = os.getloadavg()
            queued = purge_task_queue()
            lag = replica_lag(server)
    finally:
        if args.drop_db:
            drop_database(args.products)
    report = {
        "timestamp": stamp,
        "git": code,
        "code_changed_during_run": git_state() != code,
        "load_average_before": load_before,
        "load_average_after": load_after,
        "nproc": nproc(),
        "machine": platform.platform(),
        "products": args.products,
        "database": server.state,
        "workers": args.workers,
        "duration": args.duration,
        "connections": args.connections,
        "threads": WRK_THREADS,
        "warmup": WARMUP_SECONDS,
        "tasks_queued": queued,
        "write_mix": {"orders_per_s": args.orders, "price_edits_per_s": args.price_edits},
        "replica": {"port": server.replica_port, "lag_bytes_at_end": lag} if args.replica else None,
        "writers": writes,
        "rows": rows,
    }
    report["contended"] = any((row.get("other_cpu_pct") or 0) > CONTENTION_PCT for row in rows)
    report["budgets"] = budgets(rows)
    report["scale"] = scale_comparison(report)
    out = RESULTS / f"{stamp}.json"
    out.write_text(json.dumps(report, indent=2) + "\n")
    print_table(report)
    print(f"\nwritten {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
