"""Shared parts of the benchmarks: the bench database, its environment and a gunicorn server.

Everything runs on this machine: PostgreSQL and Redis at 127.0.0.1, gunicorn bound to 127.0.0.1.
"""

import hashlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import psycopg
import redis

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
RESULTS = BENCH / "results"
VENV_BIN = ROOT / ".venv" / "bin"
PYTHON = VENV_BIN / "python"
GUNICORN = VENV_BIN / "gunicorn"
PG_SERVER = "postgres://postgres@127.0.0.1:5432"
REDIS_URL = "redis://127.0.0.1:6379/2"
MARKER_TABLE = "bench_marker"
HEALTH_TIMEOUT = 90
STOP_TIMEOUT = 40


def log(message):
    """Progress line on stderr, so stdout keeps only the report."""
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def nproc():
    """Cores this process may use (what `nproc` prints)."""
    return len(os.sched_getaffinity(0))


def db_name(products):
    return f"bench_{products}"


def database_url(products):
    return f"{PG_SERVER}/{db_name(products)}"


def media_root(products):
    return RESULTS / f"media_{products}"


def cache_prefix(products):
    return f"bench{products}"


def bench_env(products, static_root):
    """The environment of every bench subprocess: production-like settings on the bench DB."""
    env = dict(os.environ)
    env.update(
        DATABASE_URL=database_url(products),
        REDIS_URL=REDIS_URL,
        CACHE_KEY_PREFIX=cache_prefix(products),
        BENCH_ENDPOINTS="true",
        DEBUG="false",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        CONN_MAX_AGE="600",
        SECRET_KEY="bench",
        MEDIA_ROOT=str(media_root(products)),
        STATIC_ROOT=str(static_root),
        DJANGO_SETTINGS_MODULE="marketplace.settings",
    )
    return env


def manage(env, *args, timeout=900, capture=False):
    """Run ``manage.py <args>`` in the bench env; stdout is returned when captured, else logged."""
    log("manage.py " + " ".join("<code>" if "\n" in arg else arg for arg in args))
    result = subprocess.run(
        [str(PYTHON), "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=timeout,
        text=True,
        stdout=subprocess.PIPE if capture else sys.stderr,
    )
    return result.stdout


# --- database --------------------------------------------------------------------------------


def _admin_connection():
    return psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True, connect_timeout=10)


def database_exists(name):
    with _admin_connection() as conn:
        row = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
    return row is not None


def recorded_products(products):
    """The product count recorded after a complete seed of ``bench_<N>``, or None."""
    if not database_exists(db_name(products)):
        return None
    try:
        with psycopg.connect(database_url(products), connect_timeout=10) as conn:
            row = conn.execute(f"SELECT products FROM {MARKER_TABLE}").fetchone()
    except psycopg.errors.UndefinedTable:
        return None
    return row[0] if row else None


def record_products(products):
    with psycopg.connect(database_url(products), autocommit=True, connect_timeout=10) as conn:
        conn.execute(
            f"CREATE TABLE IF NOT EXISTS {MARKER_TABLE} "
            "(products integer NOT NULL, seeded_at timestamptz NOT NULL DEFAULT now())"
        )
        conn.execute(f"DELETE FROM {MARKER_TABLE}")
        conn.execute(f"INSERT INTO {MARKER_TABLE} (products) VALUES (%s)", [products])


def drop_database(products):
    name = db_name(products)
    log(f"dropping database {name}")
    with _admin_connection() as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def create_database(products):
    drop_database(products)
    log(f"creating database {db_name(products)}")
    with _admin_connection() as conn:
        conn.execute(f'CREATE DATABASE "{db_name(products)}"')
    media = media_root(products)
    if media.is_dir() and media.parent == RESULTS:
        shutil.rmtree(media)  # files of a previous seed of this database


def wait_for_seed_command(timeout=1800):
    """Wait (bounded) for ``seed_demo``, which may still be being written."""
    path = ROOT / "catalog" / "management" / "commands" / "seed_demo.py"
    deadline = time.monotonic() + timeout
    while not path.exists():
        if time.monotonic() > deadline:
            raise RuntimeError(f"{path} did not appear within {timeout} s")
        log(f"waiting for {path.relative_to(ROOT)}")
        time.sleep(60)


def seed_timeout(products):
    return 1800 + products // 10


def prepare_database(products, env, keep):
    """Create, migrate and seed ``bench_<N>``, or reuse it when kept and completely seeded."""
    reuse = keep and recorded_products(products) == products
    if not reuse:
        create_database(products)
    manage(env, "migrate", "--noinput", timeout=1800)
    if reuse:
        log(f"reusing {db_name(products)}: already seeded with {products} products")
        return "reused"
    wait_for_seed_command()
    started = time.monotonic()
    manage(env, "seed_demo", "--products", str(products), timeout=seed_timeout(products))
    log(f"seeded {products} products in {time.monotonic() - started:.0f} s")
    record_products(products)
    return "created"


def clear_cache(products):
    """Drop this database's cache keys (stale menus, site roots) from the bench Redis db."""
    client = redis.Redis.from_url(REDIS_URL, socket_timeout=10)
    keys = list(client.scan_iter(f"{cache_prefix(products)}:*", count=1000))
    for start in range(0, len(keys), 1000):
        client.delete(*keys[start : start + 1000])
    return len(keys)


def purge_task_queue():
    """Drop the tasks pages queued for a worker the bench does not run; return how many."""
    client = redis.Redis.from_url(REDIS_URL, socket_timeout=10)
    queued = client.llen("celery")
    client.delete("celery")
    return queued


@contextmanager
def static_root():
    """A temporary STATIC_ROOT, removed afterwards."""
    path = Path(tempfile.mkdtemp(prefix="bench-static-"))
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def collectstatic(env):
    manage(env, "collectstatic", "--noinput", "-v", "0", timeout=900)


# --- server ----------------------------------------------------------------------------------


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url, timeout=30):
    """GET ``url`` without following redirects: (status, headers, body)."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(url, timeout=timeout) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers, exc.read()


def wait_healthy(base_url, process, log_path):
    """Poll ``/health/`` until it answers 200, for at most HEALTH_TIMEOUT seconds."""
    deadline = time.monotonic() + HEALTH_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited ({process.returncode}); see {log_path}")
        try:
            status, _headers, body = fetch(f"{base_url}/health/", timeout=5)
        except OSError:
            status, body = None, b""
        if status == 200:
            return json.loads(body)
        time.sleep(0.5)
    raise RuntimeError(f"{base_url}/health/ not 200 after {HEALTH_TIMEOUT} s; see {log_path}")


def start_server(env, workers, log_path):
    """Start gunicorn on a free 127.0.0.1 port; return (process, base URL) once healthy."""
    port = free_port()
    command = [
        str(GUNICORN),
        "marketplace.wsgi",
        "-b",
        f"127.0.0.1:{port}",
        "-w",
        str(workers),
        "--no-control-socket",
    ]
    log(f"starting gunicorn ({workers} workers) on 127.0.0.1:{port}, log {log_path}")
    with open(log_path, "ab") as out:
        process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    base_url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(base_url, process, log_path)
    except BaseException:
        stop_server(process)
        raise
    return process, base_url


def stop_server(process):
    """Stop gunicorn gracefully, then kill its process group if it lingers."""
    if process is None or process.poll() is not None:
        return
    log(f"stopping gunicorn (pid {process.pid})")
    process.terminate()
    try:
        process.wait(STOP_TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(10)


@contextmanager
def bench_server(products, keep_db, workers, log_path):
    """Prepare ``bench_<N>``, collect static files, serve it; yield (base URL, env, db state)."""
    with static_root() as static:
        env = bench_env(products, static)
        media_root(products).mkdir(parents=True, exist_ok=True)
        state = prepare_database(products, env, keep_db)
        log(f"cleared {clear_cache(products)} cache keys")
        collectstatic(env)
        process = None
        try:
            process, base_url = start_server(env, workers, log_path)
            yield base_url, env, state
        finally:
            stop_server(process)
            log(f"dropped {purge_task_queue()} tasks queued for a Celery worker the bench lacks")


def timestamp():
    return time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())


def _git(*args):
    result = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, timeout=60)
    return result.stdout


def describe_git(state):
    """One line: the commit, and the uncommitted changes measured with it."""
    if not state["changed"]:
        return f"commit {state['commit']}"
    count = len(state["changed"])
    return f"commit {state['commit']} + {count} uncommitted paths (sha1 {state['changes_sha1']})"


def git_state():
    """The measured code: commit, files changed since it, and a hash of those changes."""
    changed = [line[3:] for line in _git("status", "--porcelain").splitlines()]
    changed = [path for path in changed if not path.startswith("bench/")]
    digest = hashlib.sha1(_git("diff", "HEAD", "--", ".", ":!bench").encode())
    for path in sorted(changed):
        file = ROOT / path
        for item in sorted(file.rglob("*")) if file.is_dir() else [file]:
            if item.is_file() and "__pycache__" not in item.parts:
                digest.update(item.read_bytes())
    return {
        "commit": _git("rev-parse", "--short", "HEAD").strip() or None,
        "changed": changed,
        "changes_sha1": digest.hexdigest()[:12] if changed else None,
    }
