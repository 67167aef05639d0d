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
from types import SimpleNamespace

import psycopg
import redis

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
RESULTS = BENCH / "results"
VENV_BIN = ROOT / ".venv" / "bin"
PYTHON = VENV_BIN / "python"
GUNICORN = VENV_BIN / "gunicorn"
PG_SERVER = "postgres://postgres@127.0.0.1:5432"
# Sessions sharing one machine keep their benches apart: BENCH_DB_SUFFIX names the database
# (bench_<N><suffix>), BENCH_REDIS_URL the Redis db (default db 2).
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/2")
DB_SUFFIX = os.environ.get("BENCH_DB_SUFFIX", "")
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
    return f"bench_{products}{DB_SUFFIX}"


def database_url(products):
    return f"{PG_SERVER}/{db_name(products)}"


def media_root(products):
    return RESULTS / f"media_{products}{DB_SUFFIX}"


def cache_prefix(products):
    return f"bench{products}{DB_SUFFIX}"


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


def seed_fingerprint():
    """A hash of the seed code: a database seeded by other code is not reused."""
    digest = hashlib.sha1()
    for path in sorted((ROOT / "demo").rglob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def recorded_seed(products):
    """(products, seed fingerprint) recorded after a complete seed of ``bench_<N>``, or None."""
    if not database_exists(db_name(products)):
        return None
    try:
        with psycopg.connect(database_url(products), connect_timeout=10) as conn:
            row = conn.execute(f"SELECT products, seed_sha FROM {MARKER_TABLE}").fetchone()
    except (psycopg.errors.UndefinedTable, psycopg.errors.UndefinedColumn):
        return None
    return tuple(row) if row else None


def record_seed(products):
    with psycopg.connect(database_url(products), autocommit=True, connect_timeout=10) as conn:
        conn.execute(
            f"CREATE TABLE IF NOT EXISTS {MARKER_TABLE} (products integer NOT NULL, "
            "seed_sha text NOT NULL, seeded_at timestamptz NOT NULL DEFAULT now())"
        )
        conn.execute(f"DELETE FROM {MARKER_TABLE}")
        conn.execute(
            f"INSERT INTO {MARKER_TABLE} (products, seed_sha) VALUES (%s, %s)",
            [products, seed_fingerprint()],
        )


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
    path = ROOT / "demo" / "management" / "commands" / "seed_demo.py"
    deadline = time.monotonic() + timeout
    while not path.exists():
        if time.monotonic() > deadline:
            raise RuntimeError(f"{path} did not appear within {timeout} s")
        log(f"waiting for {path.relative_to(ROOT)}")
        time.sleep(60)


def seed_timeout(products):
    return 1800 + products // 10


def prepare_database(products, env, keep):
    """Create, migrate and seed ``bench_<N>``; with ``keep``, reuse one seeded by the same code."""
    recorded = recorded_seed(products) if keep else None
    reuse = recorded == (products, seed_fingerprint())
    if keep and not reuse:
        log(f"not reusing {db_name(products)}: recorded seed {recorded}")
    if not reuse:
        create_database(products)
    manage(env, "migrate", "--noinput", timeout=1800)
    if reuse:
        log(f"reusing {db_name(products)}: already seeded with {products} products")
        vacuum(products)
        return "reused"
    wait_for_seed_command()
    started = time.monotonic()
    seed_env = {**env, "DEBUG": "true"}  # seed_demo refuses without it; the server runs without
    manage(seed_env, "seed_demo", "--products", str(products), timeout=seed_timeout(products))
    log(f"seeded {products} products in {time.monotonic() - started:.0f} s")
    record_seed(products)
    vacuum(products)
    return "created"


def vacuum(products):
    """``VACUUM ANALYZE`` the bench database, as autovacuum keeps a production one: where it is
    off (it is on this kind of machine), a freshly loaded table has no visibility map and every
    index-only scan reads the table as well (a cold 100,000-product list: 1,000 ms, not 100)."""
    started = time.monotonic()
    with psycopg.connect(database_url(products), autocommit=True, connect_timeout=10) as conn:
        conn.execute("VACUUM ANALYZE")
    log(f"vacuumed {db_name(products)} in {time.monotonic() - started:.0f} s")


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
def bench_server(products, keep_db, workers, log_path, replica=False, keep_replica=False):
    """Prepare ``bench_<N>``, collect static files and serve it; with ``replica``, on a
    streaming replica of the cluster as well (``bench/replica.py``: ``DATABASE_REPLICA_URL``).

    Yields base_url, env, state (database created or reused), the gunicorn process and the
    replica's port (or None).
    """
    import replica as standby

    with static_root() as static:
        env = bench_env(products, static)
        media_root(products).mkdir(parents=True, exist_ok=True)
        state = prepare_database(products, env, keep_db)
        log(f"cleared {clear_cache(products)} cache keys")
        collectstatic(env)
        process = port = None
        try:
            if replica:
                port = standby.start()
                standby.wait_replayed(port, db_name(products))
                env["DATABASE_REPLICA_URL"] = standby.url(port, db_name(products))
                log(f"reads of anonymous catalogue pages go to the replica on port {port}")
            process, base_url = start_server(env, workers, log_path)
            yield SimpleNamespace(
                base_url=base_url, env=env, state=state, process=process, replica_port=port
            )
        finally:
            stop_server(process)
            log(f"dropped {purge_task_queue()} tasks queued for a Celery worker the bench lacks")
            if port is not None and not keep_replica:
                standby.stop()


def _cpu_ticks(pid):
    """User + system clock ticks of a process, 0 once it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0
    return int(fields[11]) + int(fields[12])


def _children(pid):
    children = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if stat.read_text().rsplit(")", 1)[1].split()[1] == str(pid):
                children.append(int(stat.parent.name))
        except (OSError, IndexError):
            continue
    return children


def _process_table():
    """{pid: (ppid, cmdline, ticks)} of user-space processes.

    Ticks are the process's own, but this process's include its waited children (the wrk runs):
    a parent's waited children would count a child's whole life in the window it ends in.
    """
    table = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            cmdline = (stat.parent / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if cmdline:  # kernel threads have none
            own = int(stat.parent.name) == os.getpid()
            ticks = sum(int(value) for value in fields[11 : 15 if own else 13])
            table[int(stat.parent.name)] = (int(fields[1]), cmdline, ticks)
    return table


def _is_bench(pid, table, products, ours):
    """This process and its descendants (wrk, gunicorn), PostgreSQL's own processes and
    ``bench_<N>``'s backends, and Redis."""
    if pid in ours:
        return True
    cmdline = table[pid][1]
    if cmdline.startswith("postgres: "):
        backend = "127.0.0.1(" in cmdline or "[local]" in cmdline
        return not backend or f" {db_name(products)} " in cmdline
    return cmdline.startswith(("redis-server", "/usr/lib/postgresql"))


def _split_ticks(products):
    """{pid: ticks} of the bench's processes and of every other process."""
    table = _process_table()
    ours, queue = set(), [os.getpid()]
    while queue:
        parent = queue.pop()
        ours.add(parent)
        queue += [pid for pid, row in table.items() if row[0] == parent and pid not in ours]
    bench, other = {}, {}
    for pid, row in table.items():
        (bench if _is_bench(pid, table, products, ours) else other)[pid] = row[2]
    return bench, other


class CpuMeter:
    """CPU used by the bench, and by other work on the machine, while measuring (from /proc).

    Other processes that end inside the window are not counted: ``other_pct`` is a lower bound.
    """

    def __init__(self, products):
        self.products = products

    def __enter__(self):
        self.started = time.monotonic()
        self.bench, self.other = _split_ticks(self.products)
        return self

    def __exit__(self, *exc):
        elapsed = time.monotonic() - self.started
        bench, other = _split_ticks(self.products)
        capacity = elapsed * os.sysconf("SC_CLK_TCK") * os.cpu_count()
        self.bench_pct = 100 * self._delta(self.bench, bench) / capacity
        self.other_pct = 100 * self._delta(self.other, other) / capacity
        return False

    @staticmethod
    def _delta(before, after):
        return sum(max(0, ticks - before.get(pid, 0)) for pid, ticks in after.items())


def _active_queries(products):
    with psycopg.connect(database_url(products), autocommit=True, connect_timeout=10) as conn:
        row = conn.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND state = 'active' "
            "AND pid <> pg_backend_pid()",
            [db_name(products)],
        ).fetchone()
    return row[0]


def wait_idle(process, products, timeout=120, interval=0.5, queries=True):
    """Wait until gunicorn's workers burn no CPU and ``bench_<N>`` runs no query (without
    ``queries``: the write mix is running, only the workers are watched).

    Requests wrk abandons at the end of a run are still served afterwards; waiting keeps them
    out of the next measurement. Returns the seconds waited (bounded by ``timeout``).
    """
    started = time.monotonic()
    quiet = 0
    workers = _children(process.pid)
    before = sum(_cpu_ticks(pid) for pid in workers)
    while time.monotonic() - started < timeout:
        time.sleep(interval)
        after = sum(_cpu_ticks(pid) for pid in workers)
        busy = after - before > 2 or (queries and _active_queries(products) > 0)
        before = after
        quiet = 0 if busy else quiet + 1
        if quiet >= 2:
            return time.monotonic() - started
    log(f"server still busy after {timeout} s")
    return time.monotonic() - started


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
