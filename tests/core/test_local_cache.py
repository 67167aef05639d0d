"""A worker keeps its own copy of versioned values for a few seconds: Redis is asked once, a
version bump is seen at once, and the copy expires and stays within its size."""

from unittest import mock

import pytest

from marketplace.core import cache as versions
from marketplace.core import local_cache
from marketplace.core.cache import VOCABULARY, bump, versioned


@pytest.fixture(autouse=True)
def kept(settings):
    settings.STOREFRONT_LOCAL_CACHE_SECONDS = 30
    settings.STOREFRONT_LOCAL_CACHE_BYTES = 64 * 1024
    local_cache.clear()
    yield
    local_cache.clear()


@pytest.fixture
def clock(monkeypatch):
    now = [1000.0]
    monkeypatch.setattr(local_cache, "clock", lambda: now[0])
    return now


def shared_reads():
    return mock.patch.object(versions.cache, "get_or_set", wraps=versions.cache.get_or_set)


def test_a_kept_value_is_read_from_the_shared_cache_once():
    with shared_reads() as get_or_set:
        assert versioned(VOCABULARY, "menu", lambda: ["Rugs"]) == ["Rugs"]
        assert versioned(VOCABULARY, "menu", lambda: ["other"]) == ["Rugs"]
    assert get_or_set.call_count == 1


def test_a_version_bump_is_seen_at_once():
    versioned(VOCABULARY, "menu", lambda: ["Rugs"])
    bump(VOCABULARY)
    assert versioned(VOCABULARY, "menu", lambda: ["Rugs", "Zellige"]) == ["Rugs", "Zellige"]


def test_a_kept_value_expires_after_the_seconds_set(clock):
    versioned(VOCABULARY, "menu", lambda: ["Rugs"])
    clock[0] += 29.9
    with shared_reads() as get_or_set:
        versioned(VOCABULARY, "menu", lambda: ["Rugs"])
        assert get_or_set.call_count == 0
        clock[0] += 0.2
        versioned(VOCABULARY, "menu", lambda: ["Rugs"])
        assert get_or_set.call_count == 1


def test_a_value_is_never_kept_longer_than_the_shared_cache_keeps_it(clock):
    versioned(VOCABULARY, "links", lambda: ["Fès"], timeout=5)
    clock[0] += 5.1
    with shared_reads() as get_or_set:
        versioned(VOCABULARY, "links", lambda: ["Fès"], timeout=5)
    assert get_or_set.call_count == 1


def test_a_value_heavier_than_the_store_is_served_but_not_kept():
    heavy = list(range(100_000))
    assert versioned(VOCABULARY, "rows", lambda: heavy) == heavy
    with shared_reads() as get_or_set:
        versioned(VOCABULARY, "rows", lambda: heavy)
    assert get_or_set.call_count == 1


def test_the_least_recently_used_values_leave_when_the_store_is_full():
    for n in range(40):
        versioned(VOCABULARY, f"part:{n}", lambda: "x" * 4096)
    with shared_reads() as get_or_set:
        versioned(VOCABULARY, "part:39", lambda: "x" * 4096)
        assert get_or_set.call_count == 0
        versioned(VOCABULARY, "part:0", lambda: "x" * 4096)
        assert get_or_set.call_count == 1


def test_nothing_is_kept_when_the_seconds_are_zero(settings):
    settings.STOREFRONT_LOCAL_CACHE_SECONDS = 0
    versioned(VOCABULARY, "menu", lambda: ["Rugs"])
    with shared_reads() as get_or_set:
        versioned(VOCABULARY, "menu", lambda: ["Rugs"])
    assert get_or_set.call_count == 1
