"""A task whose worker dies mid-run is delivered again and done once, on a real worker.

Real Celery workers (subprocesses) on Redis run the real customs-papers task against the test
database. ``tests/celery_stall.py``, loaded only into these workers, stalls the task after its
first paper; the test then kills the worker (or its pool process) with SIGKILL, as the OOM
killer or a lost machine would, and waits for the papers to be complete, each rendered once.
"""

import os
import signal
import subprocess
import sys
import time
import uuid
from decimal import Decimal
from urllib.parse import quote

import pytest
import redis
from django.conf import settings
from django.contrib.sites.models import Site
from django.db import connection

from sellers.fulfilment.models import Parcel
from sellers.fulfilment.tasks import generate_customs_documents
from tests.factories.catalogue import ProductFactory, SellerFactory
from tests.factories.orders import place_order

# Committed rows, so the workers see them. No serialized rollback: the suite's transactional
# tests without it leave post_migrate rows that a serialized reload would duplicate.
pytestmark = [pytest.mark.redis, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

# Small for the test (production: 300 s, 120 s, 150 s): the killed worker's message is
# visible again 20 s after it was delivered.
VISIBILITY_TIMEOUT, SOFT_TIME_LIMIT, TIME_LIMIT = 20, 12, 15
KINDS = ["cn22", "invoice", "packing_list"]
STARTUP_SECONDS = 180  # a worker starting on a loaded 2-core machine
REDELIVERY_SECONDS = 60


def wait_for(predicate, timeout, what, log=None):
    """Poll ``predicate`` until it returns something true; fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.25)
    tail = log.read_text()[-4000:] if log and log.exists() else ""
    pytest.fail(f"no {what} within {timeout} s\n{tail}")


def database_url():
    """The pytest-django test database, as the workers' DATABASE_URL."""
    db = connection.settings_dict
    auth = quote(db["USER"] or "") + (f":{quote(db['PASSWORD'])}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


class Workers:
    """Celery worker processes, each the leader of its own process group."""

    def __init__(self, folder, key):
        self.folder, self.key = folder, key
        self.queue = f"redelivery-{key}"
        self.processes = []
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith("AWS_")},
            "DJANGO_SETTINGS_MODULE": "marketplace.settings.test",
            "DATABASE_URL": database_url(),
            "REDIS_URL": settings.REDIS_URL,
            "CELERY_BROKER_URL": settings.REDIS_URL,
            "CELERY_TASK_ALWAYS_EAGER": "false",
            "CELERY_VISIBILITY_TIMEOUT": str(VISIBILITY_TIMEOUT),
            "CELERY_TASK_SOFT_TIME_LIMIT": str(SOFT_TIME_LIMIT),
            "CELERY_TASK_TIME_LIMIT": str(TIME_LIMIT),
            "MEDIA_ROOT": str(folder / "media"),
            "PRIVATE_MEDIA_ROOT": str(folder / "private"),
            "STALL_KEY": key,
            "STALL_KIND": "packing_list",
        }

    def start(self):
        """Start a worker (prefork, one pool process) and wait until it consumes."""
        number = len(self.processes) + 1
        log = self.folder / f"worker-{number}.log"
        command = [
            sys.executable, "-m", "celery", "-A", "marketplace", "worker",
            "--pool", "prefork", "--concurrency", "1", "--queues", self.queue,
            "--hostname", f"redelivery-{number}-{self.key}@%h",
            "--include", "tests.support.celery_stall",
            "--without-gossip", "--without-mingle", "--without-heartbeat", "--loglevel", "INFO",
        ]  # fmt: skip
        with log.open("w") as output:
            process = subprocess.Popen(
                command,
                cwd=settings.BASE_DIR,
                env=self.env,
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        process.log = log
        self.processes.append(process)
        wait_for(lambda: " ready." in log.read_text(), STARTUP_SECONDS, "ready worker", log)
        return process

    def kill(self, process):
        """SIGKILL the worker and its pool: nothing runs its shutdown or acknowledges."""
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        process.wait(timeout=30)

    def kill_all(self):
        for process in self.processes:
            self.kill(process)


@pytest.fixture
def broker():
    return redis.Redis.from_url(settings.REDIS_URL)


@pytest.fixture
def workers(transactional_db, tmp_path, broker):
    key = uuid.uuid4().hex[:12]
    pool = Workers(tmp_path, key)
    yield pool
    pool.kill_all()
    broker.delete(pool.queue, *broker.keys(f"{key}:*"))


@pytest.fixture
def parcel(transactional_db):
    """A parcel needing an invoice, a packing list and a CN22 (postal, no service chosen)."""
    # A serialized-rollback test before this one leaves every table empty, the site included.
    Site.objects.get_or_create(pk=settings.SITE_ID, defaults={"domain": "testserver"})
    seller = SellerFactory(city="Safi")
    product = ProductFactory(
        title="Painted vase", hs_code="6913", weight_kg=Decimal("0.8"), stockrecord__seller=seller
    )
    order = place_order([(product, 1)])
    return Parcel.objects.create(order=order, partner=seller, origin_city="Safi")


def papers(parcel):
    return sorted(parcel.documents.values_list("kind", flat=True))


def renderings(broker, key):
    return {kind: int(broker.get(f"{key}:rendered:{kind}") or 0) for kind in KINDS}


def still_unacknowledged(broker, task_id):
    return any(task_id.encode() in payload for payload in broker.hvals("unacked"))


def stored_files(workers):
    return sorted(path.name for path in (workers.folder / "private").rglob("*.pdf"))


def send(parcel, workers):
    result = generate_customs_documents.apply_async((parcel.pk,), queue=workers.queue)
    return result.id


def test_a_task_killed_with_its_worker_is_redelivered_and_done_once(parcel, workers, broker):
    first = workers.start()
    task_id = send(parcel, workers)
    stalled = f"{workers.key}:stalled"
    wait_for(lambda: broker.get(stalled), STARTUP_SECONDS, "stalled task", first.log)
    workers.kill(first)
    killed_at = time.monotonic()
    assert papers(parcel) == ["invoice"]  # killed mid-task: one paper done, two to go
    assert still_unacknowledged(broker, task_id)

    second = workers.start()
    wait_for(lambda: papers(parcel) == KINDS, REDELIVERY_SECONDS, "redelivery", second.log)
    redelivered_after = time.monotonic() - killed_at
    wait_for(lambda: not still_unacknowledged(broker, task_id), 30, "ack", second.log)

    assert renderings(broker, workers.key) == {"cn22": 1, "invoice": 1, "packing_list": 1}
    assert len(stored_files(workers)) == 3
    print(f"redelivered and done {redelivered_after:.1f} s after the kill")


def test_a_task_whose_pool_process_dies_is_requeued_at_once_and_done_once(parcel, workers, broker):
    worker = workers.start()
    task_id = send(parcel, workers)
    stalled = f"{workers.key}:stalled"
    pool_process = int(wait_for(lambda: broker.get(stalled), STARTUP_SECONDS, "stall", worker.log))
    assert pool_process != worker.pid
    os.kill(pool_process, signal.SIGKILL)  # the OOM killer's choice: the busy child
    killed_at = time.monotonic()

    # task_reject_on_worker_lost requeues it; without, it is acknowledged as failed and lost
    wait_for(lambda: papers(parcel) == KINDS, REDELIVERY_SECONDS, "requeue", worker.log)
    requeued_after = time.monotonic() - killed_at
    wait_for(lambda: not still_unacknowledged(broker, task_id), 30, "ack", worker.log)

    assert worker.poll() is None  # the worker itself lived on
    assert renderings(broker, workers.key) == {"cn22": 1, "invoice": 1, "packing_list": 1}
    assert len(stored_files(workers)) == 3
    print(f"requeued and done {requeued_after:.1f} s after the pool process was killed")
