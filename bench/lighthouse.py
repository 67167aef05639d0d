"""Lighthouse 12 (mobile, its default) on home, category and product pages in English and Arabic.

    .venv/bin/python bench/lighthouse.py [--base-url http://127.0.0.1:8000] [--products 200]

Without --base-url it serves ``bench_<N>`` (created and seeded if needed) with gunicorn as
bench/run.py does. Pages are found on the server itself: the first craft in the home page menu,
the first product on that craft's page, and their Arabic versions from the language switcher.
Prints the four category scores per page, the product page's transfer size and the audits that
fail (score < 0.9) in any category under 95; writes JSON to bench/results/. See bench/README.md.
"""

import argparse
import json
import os
import re
import shutil
import signal
import subprocess
import sys
from contextlib import contextmanager
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from common import (
    BENCH,
    RESULTS,
    ROOT,
    CpuMeter,
    bench_server,
    describe_git,
    fetch,
    git_state,
    log,
    nproc,
    timestamp,
)

NODE_PREFIX = BENCH / ".node"
LIGHTHOUSE = NODE_PREFIX / "node_modules" / ".bin" / "lighthouse"
LIGHTHOUSE_PACKAGE = "lighthouse@12"
CHROME_PATH = "/usr/bin/chromium"
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGET = 95
AUDIT_PASS = 0.9
PRODUCT_BUDGET_KB = 500
RUN_TIMEOUT = 300
ATTEMPTS = 3
MAX_REDIRECTS = 5


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base-url", help="a running server; default: start one on bench_<N>")
    parser.add_argument("--products", type=int, default=200, help="bench_<N> to serve")
    parser.add_argument("--workers", type=int, default=2 * nproc(), help="gunicorn workers")
    return parser.parse_args()


def ensure_lighthouse():
    """Install Lighthouse 12 under bench/.node unless it is there; check chromium."""
    if not Path(CHROME_PATH).exists():
        sys.exit(f"{CHROME_PATH} is missing: install it with `apt-get install -y chromium`")
    if LIGHTHOUSE.exists():
        return
    if shutil.which("npm") is None:
        sys.exit("npm is missing: install it with `apt-get install -y npm`")
    log(f"installing {LIGHTHOUSE_PACKAGE} into {NODE_PREFIX.relative_to(ROOT)}")
    subprocess.run(
        ["npm", "install", "--prefix", str(NODE_PREFIX), LIGHTHOUSE_PACKAGE],
        check=True,
        timeout=900,
    )


class LinkParser(HTMLParser):
    """Collects every ``<a>``'s attributes."""

    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.links.append(dict(attrs))


def get_page(base_url, path):
    """Follow redirects (bounded) to a 200 page: (final path, HTML links)."""
    for _hop in range(MAX_REDIRECTS + 1):
        status, headers, body = fetch(urljoin(base_url, path))
        if status in (301, 302, 303, 307, 308):
            path = urlsplit(urljoin(base_url + path, headers["Location"])).path
            continue
        if status != 200:
            raise RuntimeError(f"{path} answered {status}")
        parser = LinkParser()
        parser.feed(body.decode("utf-8", "replace"))
        return path, parser.links
    raise RuntimeError(f"{path}: more than {MAX_REDIRECTS} redirects")


def first_link(links, pattern, where):
    for link in links:
        href = urlsplit(link.get("href") or "").path
        if re.match(pattern, href):
            return href
    raise RuntimeError(f"no link matching {pattern} on {where}")


def arabic_link(links, where):
    for link in links:
        if link.get("hreflang") == "ar" and link.get("href"):
            return link["href"]
    raise RuntimeError(f"no Arabic language link on {where}")


def discover_pages(base_url):
    """(name, path) of the audited pages, each resolved to the path that answers 200."""
    home, home_links = get_page(base_url, "/en/")
    category = first_link(home_links, r"^/en/catalogue/category/", home)
    category, category_links = get_page(base_url, category)
    product = first_link(category_links, r"^/en/catalogue/(?!category/)[^/]+_\d+/$", category)
    product, product_links = get_page(base_url, product)
    pages = [("home", home), ("category", category), ("product", product)]
    arabic = [
        ("home (ar)", get_page(base_url, "/ar/")[0]),
        ("category (ar)", get_page(base_url, arabic_link(category_links, category))[0]),
        ("product (ar)", get_page(base_url, arabic_link(product_links, product))[0]),
    ]
    return pages + arabic


def run_lighthouse(url, output, tmpdir, attempts=ATTEMPTS):
    """One Lighthouse run (mobile) into ``output``; its report (lhr) dict.

    A run that fails to record the page load (Lighthouse's runtime errors such as NO_NAVSTART,
    seen now and then with headless chromium) is tried again, at most ``attempts`` times.
    """
    env = dict(os.environ, CHROME_PATH=CHROME_PATH, TMPDIR=str(tmpdir))
    command = [str(LIGHTHOUSE), url, "--output=json", f"--output-path={output}", "--quiet"]
    command.append(f"--chrome-flags={CHROME_FLAGS}")
    for attempt in range(1, attempts + 1):
        log(f"lighthouse {url}" + (f" (attempt {attempt})" if attempt > 1 else ""))
        Path(output).unlink(missing_ok=True)
        finished = subprocess.run(command, env=env, timeout=RUN_TIMEOUT, cwd=tmpdir)
        lhr = json.loads(Path(output).read_text()) if Path(output).exists() else {}
        error = lhr.get("runtimeError") or (
            None if finished.returncode == 0 else {"code": f"exit {finished.returncode}"}
        )
        if not error:
            return lhr
        log(f"lighthouse {url}: {error}")
    raise RuntimeError(f"lighthouse {url}: {error} ({attempts} attempts)")


def score(category):
    value = category.get("score")
    return None if value is None else round(100 * value)


def failing_audits(lhr, category_id):
    """Audits of a category that Lighthouse does not pass (score < 0.9), worst first."""
    failing = []
    for ref in lhr["categories"][category_id]["auditRefs"]:
        audit = lhr["audits"][ref["id"]]
        if audit.get("score") is None or audit["scoreDisplayMode"] in ("manual", "informative"):
            continue
        if audit["score"] < AUDIT_PASS:
            failing.append(
                {
                    "id": ref["id"],
                    "title": audit["title"],
                    "score": audit["score"],
                    "weight": ref.get("weight", 0),
                    "display": audit.get("displayValue", ""),
                }
            )
    return sorted(failing, key=lambda item: (item["score"], -item["weight"]))


def summarise(name, path, lhr):
    """Scores, transfer size and failing audits of one page."""
    scores = {cat: score(lhr["categories"][cat]) for cat in CATEGORIES}
    failing = {
        cat: failing_audits(lhr, cat)
        for cat, value in scores.items()
        if value is None or value < TARGET
    }
    return {
        "page": name,
        "path": path,
        "url": lhr.get("finalDisplayedUrl"),
        "scores": scores,
        "total_bytes": lhr["audits"]["total-byte-weight"].get("numericValue"),
        "failing": failing,
        "warnings": lhr.get("runWarnings", []),
    }


def print_report(report):
    """Scores table, product transfer sizes and failing audits, on stdout."""
    where = f"{report['base_url']}, nproc {report['nproc']}"
    print(f"\nLighthouse {report['lighthouse']} (mobile), {where}")
    print(describe_git(report["git"]))
    header = f"{'page':<15}" + "".join(f"{cat:>16}" for cat in CATEGORIES)
    header += f"{'KB':>7}{'other':>7}  path"
    print(header)
    print("-" * len(header))
    for page in report["pages"]:
        cells = "".join(f"{'-' if v is None else v:>16}" for v in page["scores"].values())
        other = f"{page['other_cpu_pct']:.0f}%"
        print(
            f"{page['page']:<15}{cells}{page['total_bytes'] / 1024:>7.0f}{other:>7}  {page['path']}"
        )
    print("KB: total transfer (total-byte-weight); other: CPU other processes used meanwhile")
    print("(with --base-url the server counts as other).\n")
    for page in report["pages"]:
        if page["page"].startswith("product"):
            kb = page["total_bytes"] / 1024
            verdict = "PASS" if kb < PRODUCT_BUDGET_KB else "FAIL"
            print(f"{verdict}  {page['page']} total transfer {kb:.1f} KB (< {PRODUCT_BUDGET_KB})")
    print_failing(report["pages"])


def print_failing(pages):
    print(f"\nfailing audits (score < {AUDIT_PASS}) in categories under {TARGET}, worst first;")
    print("a weight is the audit's share of the category score (insights and diagnostics have 0):")
    found = False
    for page in pages:
        for cat, audits in page["failing"].items():
            found = True
            print(f"  {page['page']} / {cat} ({page['scores'][cat]}):")
            for audit in audits or [{"title": "(no single audit under 0.9)", "score": None}]:
                extra = f" [{audit['display']}]" if audit.get("display") else ""
                extra += f" (weight {audit['weight']})" if audit.get("weight") else ""
                value = "" if audit["score"] is None else f"{audit['score']:.2f}  "
                print(f"    - {value}{audit['title']}{extra}")
        for warning in page["warnings"]:
            print(f"  {page['page']} warning: {warning}")
    if not found:
        print(f"  none: every page scores at least {TARGET} in all four categories")


@contextmanager
def server(args, log_path):
    """The server to audit: --base-url as given, or gunicorn on bench_<N>."""
    if args.base_url:
        yield args.base_url.rstrip("/")
        return
    with bench_server(args.products, True, args.workers, log_path) as served:
        yield served.base_url


@contextmanager
def work_dir(stamp):
    """TMPDIR for chromium and Lighthouse, removed afterwards."""
    path = RESULTS / f"tmp-lighthouse-{stamp}"
    path.mkdir(parents=True)
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def lighthouse_version():
    result = subprocess.run([str(LIGHTHOUSE), "--version"], capture_output=True, text=True)
    return result.stdout.strip()


def audit_all(base_url, raw_dir, tmpdir, products):
    """Audit every page; note the CPU other work took meanwhile (it lowers performance)."""
    pages = []
    for name, path in discover_pages(base_url):
        slug = re.sub(r"\W+", "-", name).strip("-")
        with CpuMeter(products) as cpu:
            lhr = run_lighthouse(base_url + path, raw_dir / f"{slug}.json", tmpdir)
        pages.append({**summarise(name, path, lhr), "other_cpu_pct": round(cpu.other_pct, 1)})
    return pages


def main():
    args = parse_args()
    ensure_lighthouse()
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    stamp = timestamp()
    raw_dir = RESULTS / f"lighthouse-{stamp}"
    raw_dir.mkdir(parents=True)
    log_path = RESULTS / f"gunicorn-lighthouse-{stamp}.log"
    with server(args, log_path) as base_url, work_dir(stamp) as tmpdir:
        code = git_state()
        pages = audit_all(base_url, raw_dir, tmpdir, args.products)
    report = {
        "timestamp": stamp,
        "git": code,
        "nproc": nproc(),
        "lighthouse": lighthouse_version(),
        "base_url": base_url,
        "products": None if args.base_url else args.products,
        "pages": pages,
        "raw_reports": str(raw_dir.relative_to(ROOT)),
    }
    out = RESULTS / f"lighthouse-{stamp}.json"
    out.write_text(json.dumps(report, indent=2) + "\n")
    print_report(report)
    print(f"\nwritten {out.relative_to(ROOT)} (full reports in {report['raw_reports']}/)")


if __name__ == "__main__":
    main()
