"""A streaming replica of the bench database's cluster, for ``run.py --replica``.

Made the way ``tests/support/replica.py`` makes the tests' one: ``pg_basebackup`` copies the
cluster at 127.0.0.1:5432 (every database, the bench's included) under /tmp, through a physical
replication slot (the primary keeps the WAL the standby has not received yet), and the copy
runs as a hot standby on another port of 127.0.0.1, as the ``postgres`` user. The server then
gets ``DATABASE_REPLICA_URL`` pointing at it, and ``marketplace.core.replicas`` routes the
anonymous catalogue reads there.

A standby left running by ``--keep-replica`` (its directory and port under
``/tmp/bench-replica<suffix>``) is reused when it still streams; otherwise it is stopped, its
slot dropped and its directory removed after the run.
"""

import glob
import os
import pwd
import shutil
import subprocess
import time
from pathlib import Path

import psycopg
from common import DB_SUFFIX, PG_SERVER, free_port, log

ROOT = Path(f"/tmp/bench-replica{DB_SUFFIX}")
SLOT = f"bench_replica{DB_SUFFIX}".replace("-", "_").lower()
SETTINGS_COPIED = (
    "max_connections",
    "max_worker_processes",
    "max_wal_senders",
    "max_prepared_transactions",
    "max_locks_per_transaction",
)
# A hot standby opens for reads once it has a snapshot of the primary's transactions; a long
# transaction with many subtransactions on the shared primary (a seed) delays that.
START_TIMEOUT = 900
REPLAY_TIMEOUT = 300


class ReplicaError(RuntimeError):
    pass


def _binary(name):
    found = shutil.which(name) or next(
        iter(sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)), None
    )
    if not found:
        raise ReplicaError(f"{name} is not installed")
    return found


def _as_postgres(command, timeout=300):
    if os.geteuid() == 0:
        command = ["runuser", "-u", "postgres", "--", *command]
    elif pwd.getpwuid(os.geteuid()).pw_name != "postgres":
        raise ReplicaError("a replica server must run as root or as the postgres user")
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout)


def _primary():
    return psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True, connect_timeout=10)


def url(port, database):
    return f"postgres://postgres@127.0.0.1:{port}/{database}"


def _is_streaming(port):
    try:
        with psycopg.connect(url(port, "postgres"), connect_timeout=5) as conn:
            return conn.execute("SELECT pg_is_in_recovery()").fetchone()[0]
    except psycopg.Error:
        return False


def _drop_slot():
    with _primary() as conn:
        conn.execute(
            "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots "
            "WHERE slot_name = %s AND NOT active",
            [SLOT],
        )


def _configure(data, port):
    with _primary() as conn:
        rows = conn.execute(
            "SELECT name, setting FROM pg_settings WHERE name = ANY(%s)", [list(SETTINGS_COPIED)]
        ).fetchall()
    lines = [f"{name} = {value}" for name, value in rows]
    lines += [
        f"port = {port}",
        "listen_addresses = '127.0.0.1'",
        f"unix_socket_directories = '{data}'",
        "hot_standby = on",
        "hot_standby_feedback = on",
        "shared_buffers = 128MB",
        "fsync = off",
    ]
    with open(data / "postgresql.conf", "a") as conf:
        conf.write("\n".join(lines) + "\n")
    (data / "pg_hba.conf").write_text("local all all trust\nhost all all 127.0.0.1/32 trust\n")
    (data / "pg_ident.conf").touch()
    if os.geteuid() == 0:
        owner = pwd.getpwnam("postgres")
        for name in ("postgresql.conf", "pg_hba.conf", "pg_ident.conf"):
            os.chown(data / name, owner.pw_uid, owner.pw_gid)


def stop():
    """Stop the standby, drop its slot and remove its directory (whatever is left of them)."""
    data = ROOT / "data"
    if (data / "postmaster.pid").exists():
        log(f"stopping the replica ({ROOT})")
        _as_postgres([_binary("pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"])
    shutil.rmtree(ROOT, ignore_errors=True)
    _drop_slot()


def start():
    """Return the port of a streaming standby of the cluster: reused or made afresh."""
    port_file = ROOT / "port"
    if port_file.exists() and _is_streaming(int(port_file.read_text())):
        port = int(port_file.read_text())
        log(f"reusing the replica on 127.0.0.1:{port} ({ROOT})")
        return port
    stop()
    ROOT.mkdir(parents=True)
    os.chmod(ROOT, 0o777)
    data, port = ROOT / "data", free_port()
    log(f"copying the cluster with pg_basebackup into {data} (slot {SLOT})")
    started = time.monotonic()
    copied = _as_postgres(
        [_binary("pg_basebackup"), "-h", "127.0.0.1", "-p", "5432", "-U", "postgres"]
        + ["-D", str(data), "-R", "-X", "stream", "-c", "fast", "-C", "-S", SLOT],
        timeout=1800,
    )
    if copied.returncode != 0:
        stop()
        raise ReplicaError(f"pg_basebackup refused: {copied.stderr.strip()}")
    log(f"copied in {time.monotonic() - started:.0f} s; starting the standby on port {port}")
    _configure(data, port)
    log_path = ROOT / "log"
    started = _as_postgres(
        [_binary("pg_ctl"), "-D", str(data), "-l", str(log_path), "-w", "-t", str(START_TIMEOUT)]
        + ["start"],
        timeout=START_TIMEOUT + 60,
    )
    if started.returncode != 0:
        tail = log_path.read_text()[-2000:] if log_path.exists() else ""
        stop()
        raise ReplicaError(f"the replica did not start: {started.stderr.strip()}\n{tail}")
    port_file.write_text(str(port))
    return port


def wait_replayed(port, database, timeout=REPLAY_TIMEOUT):
    """Block until the standby has replayed what the primary has written so far."""
    with _primary() as conn:
        target = conn.execute("SELECT pg_current_wal_lsn()").fetchone()[0]
    deadline = time.monotonic() + timeout
    with psycopg.connect(url(port, database), autocommit=True, connect_timeout=10) as conn:
        while time.monotonic() < deadline:
            row = conn.execute("SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", [target])
            if row.fetchone()[0]:
                return
            time.sleep(0.2)
    raise ReplicaError(f"the replica did not replay {target} within {timeout} s")


def lag_bytes(port):
    """How far (bytes of WAL) the standby's replay is behind the primary's current position."""
    with _primary() as conn:
        current = conn.execute("SELECT pg_current_wal_lsn()::text").fetchone()[0]
    with psycopg.connect(url(port, "postgres"), autocommit=True, connect_timeout=10) as conn:
        sql = "SELECT pg_wal_lsn_diff(%s::pg_lsn, pg_last_wal_replay_lsn())"
        row = conn.execute(sql, [current])
        return int(row.fetchone()[0] or 0)
