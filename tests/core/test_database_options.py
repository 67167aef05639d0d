"""The application's PostgreSQL connections are set for short storefront statements
(``marketplace.settings.framework``: ``PG_JIT``, ``PG_RANDOM_PAGE_COST``)."""

import pytest
from django.db import connection


def setting(name):
    with connection.cursor() as cursor:
        cursor.execute(f"SHOW {name}")
        return cursor.fetchone()[0]


@pytest.mark.postgres
@pytest.mark.django_db
def test_connections_do_not_compile_statements_just_in_time():
    assert setting("jit") == "off"


@pytest.mark.postgres
@pytest.mark.django_db
def test_connections_cost_random_reads_as_on_solid_state_storage():
    assert float(setting("random_page_cost")) == 1.1
