"""Django's Redis cache, with one client object per connection pool, and a one-trip miss.

Django's backend builds a new ``redis.Redis`` for every cache call; building one (its response
callbacks table) costs more than a GET on loopback. A client is thread-safe and holds no
connection of its own (its pool does), so one per pool is kept and reused.

``get_or_set`` on a miss stores the computed value and returns it: Django's adds it, then reads
it back (a second transfer and unpickling of what may be a whole list's rows) in case another
process stored one meanwhile. The values cached here are functions of their (versioned) key, so
either copy is right.

Keys are not checked for memcached's limits (``validate_key``): this backend is Redis.
"""

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient as DjangoRedisCacheClient


class RedisCacheClient(DjangoRedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            if index not in self._pools:
                self._pools[index] = self._pool_class.from_url(
                    self._servers[index], **self._pool_options
                )
            client = self._clients[index] = self._client(connection_pool=self._pools[index])
        return client


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient

    def validate_key(self, key):
        """Nothing to check: Django's check warns of keys memcached would refuse (length,
        spaces, control characters), one character at a time for every key of every call
        (a list page's hundred keys), and Redis takes any key."""

    def get_or_set(self, key, default, timeout=DEFAULT_TIMEOUT, version=None):
        found = self.get(key, self._missing_key, version=version)
        if found is not self._missing_key:
            return found
        value = default() if callable(default) else default
        self.set(key, value, timeout=timeout, version=version)
        return value

    def touch_many(self, keys, timeout=DEFAULT_TIMEOUT, version=None):
        """Renew the timeout of ``keys`` in one round trip (``touch`` costs one per key)."""
        timeout = self.get_backend_timeout(timeout)
        pipeline = self._cache.get_client(write=True).pipeline(transaction=False)
        for key in keys:
            key = self.make_and_validate_key(key, version=version)
            if timeout is None:
                pipeline.persist(key)
            else:
                pipeline.expire(key, timeout)
        pipeline.execute()
