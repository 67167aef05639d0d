"""A lock held until the transaction ends, for work that must not run twice at once."""

import zlib

from django.db import connection


def hold_until_commit(name):
    """Wait for, then hold, the lock ``name`` until the transaction ends (PostgreSQL).

    Call inside ``transaction.atomic()``. SQLite writes one transaction at a time already.
    """
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [zlib.crc32(name.encode())])
