"""Storefront reads from a streaming replica, without ever serving older data than the primary's.

With ``DATABASE_REPLICA_URL`` set, ``ReplicaRouter`` sends the reads of an anonymous GET or
HEAD request to the replica when they are of catalogue data (``ROUTED_APPS``) and the replica
has replayed far enough; everything else (writes, signed-in buyers and sellers, tasks,
commands, other models) stays on the primary. Two write-ahead-log positions decide "far enough":

- The *catalogue fence*: every committed change the caches follow (``marketplace.core.cache``:
  a version bump or a product touched) records the primary's WAL position in the shared cache
  before it renews any key. A request that reads a new product token therefore finds a fence at
  least as recent, and its reads go to the primary until the replica has replayed past it: a
  page is never computed from the replica's older rows and cached under the new key.
- The *reader's own writes*: a request that wrote catalogue data (a sale allocating stock, a
  seller's edit) returns a signed cookie with the primary's position after its commit; that
  browser's reads stay on the primary until the replica has replayed past it
  (read-your-writes), and within the request itself every read after such a write goes to the
  primary.

A request reads the fence once, not per query: with the first cache key that names a state of
the data (a version, the change log's sequence, product tokens: ``marketplace.core.cache``), in
the same round trip (``note_fence``), and again with each such key read after (the highest
reading counts), so a key read at any point of the request has a fence at least as recent as
the change that renewed it. A request that reads the replica before any such key reads the
fence alone, once (``request_fence``).

The replica's replay position is read at most every ``REPLICA_POLL_SECONDS`` per process; a
replica that cannot be reached is left alone for ``REPLICA_RETRY_SECONDS``. Its lag is thus
bounded for catalogue reads by construction: a read never sees a state older than the last
change the caches know of. With no replica configured, the router and middleware do nothing.
"""

import time
from contextvars import ContextVar
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.db import DatabaseError, connections

REPLICA = "replica"
PRIMARY = "default"
# Models whose every change reaches marketplace.core.invalidation, hence the fence.
ROUTED_APPS = frozenset(
    {"catalogue", "partner", "certificates", "shipping", "compliance", "currency", "wagtailcore"}
)
FENCE_KEY = "replica:catalogue-fence"
COOKIE = "rw"
COOKIE_SALT = "marketplace.core.replicas"
SAFE_METHODS = frozenset({"GET", "HEAD"})


@dataclass
class ReadState:
    """What one request may read from the replica."""

    eligible: bool = False  # an anonymous GET or HEAD
    floor: int = 0  # the WAL position this browser's own last write reached
    wrote: bool = False  # this request wrote routed data: read the primary from then on
    fence: int | None = None  # the highest catalogue fence this request has read (None: not yet)


_OUTSIDE_REQUESTS = ReadState()


_state = ContextVar("replica_read_state", default=_OUTSIDE_REQUESTS)


def configured():
    return REPLICA in connections.settings


# --- WAL positions -----------------------------------------------------------------------------

_LSN_SQL = "SELECT pg_wal_lsn_diff({}, '0/0')::bigint"


def _position(alias, function):
    with connections[alias].cursor() as cursor:
        cursor.execute(_LSN_SQL.format(function))
        found = cursor.fetchone()[0]
    return int(found or 0)


def primary_position():
    return _position(PRIMARY, "pg_current_wal_lsn()")


@dataclass
class _Replay:
    position: int = -1
    read_at: float = 0.0
    down_until: float = 0.0


_replay = _Replay()


def forget_replay():
    """Drop this process's reading of the replica (tests, after pausing or resuming replay)."""
    _replay.position, _replay.read_at, _replay.down_until = -1, 0.0, 0.0


def replica_position(at_least):
    """The replica's replay position, re-read if the last reading is below ``at_least`` and at
    least ``REPLICA_POLL_SECONDS`` old; -1 while the replica is unreachable."""
    now = time.monotonic()
    if now < _replay.down_until:
        return -1
    stale = now - _replay.read_at >= settings.REPLICA_POLL_SECONDS
    if _replay.position < at_least and (stale or _replay.position < 0):
        try:
            _replay.position = _position(REPLICA, "pg_last_wal_replay_lsn()")
        except DatabaseError:
            _replay.position = -1
            _replay.down_until = now + settings.REPLICA_RETRY_SECONDS
            connections[REPLICA].close()
        _replay.read_at = now
    return _replay.position


def record_fence():
    """Record the primary's position as the catalogue fence (after a commit the caches follow,
    before they renew a key)."""
    if not configured():
        return
    cache.set(FENCE_KEY, primary_position(), timeout=None)


def fence():
    return cache.get(FENCE_KEY) or 0


def reads_fence():
    """Whether cache reads of data states should fetch the fence with them (``note_fence``):
    in a request that may read the replica."""
    state = _state.get()
    return state.eligible and not state.wrote


def note_fence(found):
    """The fence, as read in the same round trip as cache keys naming a state of the data: the
    request's replica reads are held to the highest such reading."""
    state = _state.get()
    if not state.eligible:
        return
    state.fence = max(state.fence or 0, int(found or 0))


def request_fence(state):
    """The request's fence: read once, alone, if no key read brought it yet."""
    if state.fence is None:
        state.fence = fence()
    return state.fence


def replica_is_current(state):
    needed = max(request_fence(state), state.floor)
    return replica_position(needed) >= needed


# --- routing -----------------------------------------------------------------------------------


class ReplicaRouter:
    """Catalogue reads of an anonymous GET to the replica when it is current; all else primary."""

    def db_for_read(self, model, **hints):
        state = _state.get()
        if not state.eligible or state.wrote or not configured():
            return PRIMARY
        if model._meta.app_label not in ROUTED_APPS:
            return PRIMARY
        return REPLICA if replica_is_current(state) else PRIMARY

    def db_for_write(self, model, **hints):
        state = _state.get()
        if state is not _OUTSIDE_REQUESTS and model._meta.app_label in ROUTED_APPS:
            state.wrote = True
        return PRIMARY

    def allow_relation(self, obj1, obj2, **hints):
        return {obj1._state.db, obj2._state.db} <= {PRIMARY, REPLICA, None}

    def allow_migrate(self, db, app_label, **hints):
        return db == PRIMARY


class ReplicaReadMiddleware:
    """Opens the request's ``ReadState`` and, after a request that wrote, pins the browser to
    the primary until the replica has replayed that write (the ``rw`` cookie)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not configured():
            return self.get_response(request)
        state = ReadState(
            eligible=request.method in SAFE_METHODS and not _signed_in(request),
            floor=_cookie_floor(request),
        )
        token = _state.set(state)
        try:
            response = self.get_response(request)
        finally:
            _state.reset(token)
        if state.wrote:
            response.set_signed_cookie(
                COOKIE,
                primary_position(),
                salt=COOKIE_SALT,
                max_age=settings.REPLICA_PIN_SECONDS,
                httponly=True,
                samesite="Lax",
                secure=request.is_secure(),
            )
        return response


def _signed_in(request):
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return False
    return request.user.is_authenticated


def _cookie_floor(request):
    try:
        return int(request.get_signed_cookie(COOKIE, salt=COOKIE_SALT, default=0))
    except (signing.BadSignature, ValueError):
        return 0
