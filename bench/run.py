"""Storefront throughput, latency and SQL queries per page, against gunicorn on PostgreSQL.

    .venv/bin/python bench/run.py [--products 10000] [--duration 10] [--connections 16]
                                  [--keep-db] [--drop-db] [--workers 2*cores]

Prepares ``bench_<N>`` (migrate, seed_demo), serves it with gunicorn on 127.0.0.1, loads each
page with wrk, counts its SQL queries with Django's test client, prints a table and writes it as
JSON to bench/results/<timestamp>.json. See bench/README.md.
"""

import argparse
import json
import platform
import shutil
import signal
import subprocess
import sys

from common import (
    BENCH,
    PYTHON,
    RESULTS,
    ROOT,
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
)

REPORT_LUA = BENCH / "report.lua"
WRK_THREADS = 2
WARMUP_SECONDS = 2
WRK_TIMEOUT = "10s"
SEARCH_PATH = "/en/search/?q=rug"
MIN_RATIO_PCT = 10
SEARCH_P99_MS = 100
SCALE_LIMIT = 1.5
SCALE_SIZES = {10_000, 100_000}

LOOKUP = """
import json
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
    return [
        ("bare", "/bench/bare/"),
        ("home", "/en/"),
        ("category", urls["en"]["category"]),
        ("category (ar)", urls["ar"]["category"]),
        ("product", urls["en"]["product"]),
        ("search", SEARCH_PATH),
    ]


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
    """Every loaded page must answer 200 itself (no redirect) before it is measured."""
    sizes = {}
    for name, path in pages:
        status, _headers, body = fetch(base_url + path)
        if status != 200:
            raise RuntimeError(f"{name} {path} answered {status}, not 200")
        sizes[path] = len(body)
    return sizes


def wrk(url, duration, connections, threads=WRK_THREADS):
    """One wrk run with report.lua; its summary dict."""
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--latency"]
    command += ["--timeout", WRK_TIMEOUT, "-s", str(REPORT_LUA), url]
    result = subprocess.run(
        command, capture_output=True, text=True, check=True, timeout=duration + 60
    )
    return marked_json(result.stdout)


def load(base_url, path, args):
    """Warm up, then measure one page: requests/s, p50 and p99 in ms, errors."""
    url = base_url + path
    log(f"wrk {path}: {WARMUP_SECONDS} s warm-up, {args.duration} s measured")
    wrk(url, WARMUP_SECONDS, args.connections)
    summary = wrk(url, args.duration, args.connections)
    latency = summary["latency_us"]
    errors = summary["errors"]
    return {
        "requests": summary["requests"],
        "rps": summary["requests"] / (summary["duration_us"] / 1e6),
        "p50_ms": latency["p50"] / 1000,
        "p90_ms": latency["p90"] / 1000,
        "p99_ms": latency["p99"] / 1000,
        "max_ms": latency["max"] / 1000,
        "non_2xx": errors["status"],
        "socket_errors": errors["connect"] + errors["read"] + errors["write"],
        "timeouts": errors["timeout"],
    }


def measure(base_url, env, args):
    """Rows of the report: load on every page, then SQL queries (steady-state count)."""
    pages = lookup_pages(env)
    extra = query_only_pages(pages)
    sizes = check_pages(base_url, pages)
    queries = count_queries(env, [path for _name, path in pages + extra])
    rows = []
    for name, path in pages:
        row = {"page": name, "path": path, "bytes": sizes[path], **load(base_url, path, args)}
        rows.append(row)
    for name, path in extra:
        rows.append({"page": name, "path": path})
    bare_rps = rows[0]["rps"]
    for row in rows:
        row["queries"] = queries[row["path"]]["second"]
        row["queries_without_tx"] = queries[row["path"]]["second_without_tx"]
        row["queries_first"] = queries[row["path"]]["first"]
        row["query_status"] = queries[row["path"]]["status"]
        if "rps" in row:
            row["ratio_pct"] = 100 * row["rps"] / bare_rps
    return rows


def budgets(rows):
    """The project's per-run budgets, each as {budget, passed}."""
    by_page = {row["page"]: row for row in rows}
    checks = [
        (f"{row['page']} >= {MIN_RATIO_PCT}% of bare", row["ratio_pct"] >= MIN_RATIO_PCT)
        for row in rows
        if "rps" in row and row["page"] != "bare"
    ]
    search = by_page["search"]["p99_ms"]
    checks.append((f"search p99 {search:.1f} ms < {SEARCH_P99_MS} ms", search < SEARCH_P99_MS))
    small = by_page["category ?per_page=12"]["queries"]
    large = by_page["category ?per_page=48"]["queries"]
    checks.append((f"category queries per_page=12 ({small}) == 48 ({large})", small == large))
    return [{"budget": text, "passed": passed} for text, passed in checks]


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
        if data.get("products") in sizes and all(data.get(k) == report[k] for k in same):
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
        if base and "p50_ms" in row:
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
    header = f"{'page':<23}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'% bare':>8}{'SQL':>5}{'-tx':>5}"
    header += "  path"
    print(header)
    print("-" * len(header))
    for row in report["rows"]:
        line = (
            f"{row['page']:<23}{fmt(row.get('rps'), '{:.1f}'):>9}"
            f"{fmt(row.get('p50_ms'), '{:.2f}'):>9}{fmt(row.get('p99_ms'), '{:.2f}'):>9}"
            f"{fmt(row.get('ratio_pct'), '{:.1f}%'):>8}{row['queries']:>5}"
            f"{row['queries_without_tx']:>5}  {row['path']}"
        )
        problems = [f"{row[k]} {k}" for k in ("non_2xx", "socket_errors") if row.get(k)]
        if row.get("timeouts"):
            problems.append(f"{row['timeouts']} timeouts (> {WRK_TIMEOUT}, not in p50/p99)")
        print(line + (f"  !! {', '.join(problems)}" if problems else ""))
    print("SQL: statements of a warm anonymous GET, BEGIN/COMMIT (ATOMIC_REQUESTS) included;")
    print("-tx: the same without transaction control. Throughput: wrk, anonymous, no cookies.")
    print("\nbudgets:")
    for check in report["budgets"]:
        print(f"  {'PASS' if check['passed'] else 'FAIL'}  {check['budget']}")
    print_scale(report.get("scale"))


def print_scale(scale):
    if not scale:
        print(
            f"  (scale budget: needs a {' and a '.join(map(str, sorted(SCALE_SIZES)))}-product "
            "run with the same --duration, --connections and --workers)"
        )
        return
    print(f"  scale {scale['large']} vs {scale['small']} products ({scale['file']}):")
    for page, ratio in scale["pages"].items():
        passed = ratio["p50_ratio"] <= SCALE_LIMIT
        print(
            f"  {'PASS' if passed else 'FAIL'}  {page}: p50 x{ratio['p50_ratio']:.2f}, "
            f"requests/s x{ratio['rps_ratio']:.2f} (limit: p50 x{SCALE_LIMIT})"
        )


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
        with bench_server(args.products, args.keep_db, args.workers, gunicorn_log) as server:
            base_url, env, db_state = server
            rows = measure(base_url, env, args)
            queued = purge_task_queue()
    finally:
        if args.drop_db:
            drop_database(args.products)
    report = {
        "timestamp": stamp,
        "git": git_state(),
        "nproc": nproc(),
        "machine": platform.platform(),
        "products": args.products,
        "database": db_state,
        "workers": args.workers,
        "duration": args.duration,
        "connections": args.connections,
        "threads": WRK_THREADS,
        "warmup": WARMUP_SECONDS,
        "tasks_queued": queued,
        "rows": rows,
    }
    report["budgets"] = budgets(rows)
    report["scale"] = scale_comparison(report)
    out = RESULTS / f"{stamp}.json"
    out.write_text(json.dumps(report, indent=2) + "\n")
    print_table(report)
    print(f"\nwritten {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
