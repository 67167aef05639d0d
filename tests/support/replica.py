"""A real streaming replica of the test cluster, on another port, for the read-replica tests.

``pg_basebackup`` copies the running cluster (the test database included) and the copy runs as
a hot standby that streams the primary's write-ahead log, through a physical replication slot
created with the copy: the primary keeps every WAL segment the standby has not received (a
busy shared cluster otherwise recycles the segment the standby starts from before it connects),
and the slot is dropped when the standby stops. The server runs as the ``postgres``
user (PostgreSQL refuses root). What the machine lacks is a skip reason, never a failure.
"""

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
import time
from contextlib import contextmanager

from django.db import connections

from tests.factories.checkout import free_port

SETTINGS_COPIED = (
    "max_connections",
    "max_worker_processes",
    "max_wal_senders",
    "max_prepared_transactions",
    "max_locks_per_transaction",
)


class ReplicaUnavailable(Exception):
    """Why this machine cannot run a replica (the tests skip with it)."""


def _binary(name):
    found = shutil.which(name) or next(
        iter(sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)), None
    )
    if not found:
        raise ReplicaUnavailable(f"{name} is not installed")
    return found


def _as_postgres(command, **kwargs):
    if os.geteuid() == 0:
        command = ["runuser", "-u", "postgres", "--", *command]
    elif pwd.getpwuid(os.geteuid()).pw_name != "postgres":
        raise ReplicaUnavailable("a replica server must run as root or as the postgres user")
    return subprocess.run(command, capture_output=True, text=True, timeout=120, **kwargs)


def _primary_settings():
    with connections["default"].cursor() as cursor:
        cursor.execute(
            "SELECT name, setting FROM pg_settings WHERE name = ANY(%s)", [list(SETTINGS_COPIED)]
        )
        return dict(cursor.fetchall())


def _configure(data, port):
    lines = [f"{name} = {value}" for name, value in _primary_settings().items()]
    lines += [
        f"port = {port}",
        "listen_addresses = '127.0.0.1'",
        f"unix_socket_directories = '{data}'",
        "hot_standby = on",
        "shared_buffers = 32MB",
        "fsync = off",
    ]
    with open(os.path.join(data, "postgresql.conf"), "a") as conf:
        conf.write("\n".join(lines) + "\n")
    with open(os.path.join(data, "pg_hba.conf"), "w") as hba:
        hba.write("local all all trust\nhost all all 127.0.0.1/32 trust\n")
    open(os.path.join(data, "pg_ident.conf"), "a").close()


@contextmanager
def streaming_replica():
    """Yield the port of a hot standby streaming from the test cluster; stop and remove it after."""
    primary = connections["default"].settings_dict
    basebackup, pg_ctl = _binary("pg_basebackup"), _binary("pg_ctl")
    # Under /tmp, not $TMPDIR: the postgres user must reach it, and .ci/run's TMPDIR is a
    # directory only its owner may enter.
    root = tempfile.mkdtemp(prefix="replica-", dir="/tmp" if os.path.isdir("/tmp") else None)
    os.chmod(root, 0o777)
    data, port = os.path.join(root, "data"), free_port()
    slot = f"test_replica_{os.getpid()}_{port}"
    copied = _as_postgres(
        [basebackup, "-h", primary["HOST"] or "127.0.0.1", "-p", str(primary["PORT"] or 5432)]
        + ["-U", primary["USER"] or "postgres", "-D", data, "-R", "-X", "stream", "-c", "fast"]
        + ["-C", "-S", slot]
    )
    if copied.returncode != 0:
        shutil.rmtree(root, ignore_errors=True)
        _drop_slot(slot)
        raise ReplicaUnavailable(f"pg_basebackup refused: {copied.stderr.strip()}")
    _configure(data, port)
    if os.geteuid() == 0:
        owner = pwd.getpwnam("postgres")
        for name in ("postgresql.conf", "pg_hba.conf", "pg_ident.conf"):
            os.chown(os.path.join(data, name), owner.pw_uid, owner.pw_gid)
    started = _as_postgres([pg_ctl, "-D", data, "-l", os.path.join(root, "log"), "-w", "start"])
    if started.returncode != 0:
        log = open(os.path.join(root, "log")).read() if os.path.exists(f"{root}/log") else ""
        shutil.rmtree(root, ignore_errors=True)
        _drop_slot(slot)
        raise ReplicaUnavailable(f"the replica did not start: {started.stderr.strip()} {log}")
    try:
        yield port
    finally:
        _as_postgres([pg_ctl, "-D", data, "-m", "immediate", "-w", "stop"])
        shutil.rmtree(root, ignore_errors=True)
        _drop_slot(slot)


def _drop_slot(slot):
    """Drop the standby's slot: a slot left behind would keep the primary's WAL forever."""
    with connections["default"].cursor() as cursor:
        cursor.execute(
            "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots "
            "WHERE slot_name = %s AND NOT active",
            [slot],
        )


@contextmanager
def replica_connection(**changes):
    """The ``replica`` alias: the test database's settings with ``changes`` (host, port)."""
    from marketplace.core import replicas

    connections.settings[replicas.REPLICA] = {
        **connections["default"].settings_dict,
        "ATOMIC_REQUESTS": False,
        "TEST": {"MIRROR": "default"},
        **changes,
    }
    replicas.forget_replay()
    try:
        yield
    finally:
        connections[replicas.REPLICA].close()
        del connections[replicas.REPLICA]
        del connections.settings[replicas.REPLICA]
        replicas.forget_replay()


def wait_until_replayed(alias="replica", timeout=20):
    """Block until the replica has replayed everything the primary wrote so far."""
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT pg_current_wal_lsn()")
        target = cursor.fetchone()[0]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with connections[alias].cursor() as cursor:
            cursor.execute("SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", [target])
            if cursor.fetchone()[0]:
                return
        time.sleep(0.05)
    raise AssertionError(f"the replica did not replay {target} within {timeout} s")


def set_replay(paused, alias="replica"):
    function = "pg_wal_replay_pause" if paused else "pg_wal_replay_resume"
    with connections[alias].cursor() as cursor:
        cursor.execute(f"SELECT {function}()")
