"""The project's Redis cache backend: one client per pool, one round trip on a miss."""

from unittest import mock

import pytest
from django.core.cache import caches

pytestmark = pytest.mark.redis


@pytest.fixture
def cache():
    return caches["default"]


def test_the_cache_is_the_projects_redis_backend(cache):
    from marketplace.core.redis_cache import RedisCache

    assert isinstance(cache, RedisCache)


def test_a_miss_stores_the_computed_value_and_reads_nothing_back(cache):
    with mock.patch.object(cache, "get", wraps=cache.get) as get:
        assert cache.get_or_set("rows:1", lambda: [1, 2, 3], 60) == [1, 2, 3]
    assert get.call_count == 1
    assert cache.get("rows:1") == [1, 2, 3]


def test_a_hit_does_not_compute_again(cache):
    cache.set("rows:2", ["kept"], 60)
    compute = mock.Mock(return_value=["fresh"])
    assert cache.get_or_set("rows:2", compute, 60) == ["kept"]
    compute.assert_not_called()


def test_a_computed_none_is_kept_as_a_value(cache):
    compute = mock.Mock(return_value=None)
    assert cache.get_or_set("ships:XX", compute, 60) is None
    assert cache.get_or_set("ships:XX", compute, 60) is None
    assert compute.call_count == 1


def test_touch_many_renews_the_timeout_of_every_key_given(cache):
    cache.set_many({"part:1": b"a", "part:2": b"b", "part:3": b"c"}, 5)
    cache.touch_many(["part:1", "part:2"], 600)
    client = cache._cache.get_client()
    ttl = {
        key: client.ttl(cache.make_and_validate_key(key)) for key in ("part:1", "part:2", "part:3")
    }
    assert ttl["part:1"] > 500 and ttl["part:2"] > 500
    assert ttl["part:3"] <= 5
