"""Storefront reads from a real streaming replica (``marketplace.core.replicas``).

The replica is a hot standby of the test cluster started with ``pg_basebackup`` on another
port (``tests/support/replica.py``); pausing its replay makes its lag as long as a test needs.
"""

import threading
from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connections
from django.http import HttpResponse
from django.test import RequestFactory, override_settings
from django.test.utils import CaptureQueriesContext

from marketplace.core import cache as core_cache
from marketplace.core import replicas
from tests.factories.catalogue import ProductFactory
from tests.factories.users import UserFactory
from tests.support.replica import (
    ReplicaUnavailable,
    replica_connection,
    set_replay,
    streaming_replica,
    wait_until_replayed,
)

NO_PAGE_CACHE = override_settings(STOREFRONT_PAGE_CACHE=False)


@pytest.fixture(scope="module")
def replica_alias(django_db_setup, django_db_blocker):
    """The ``replica`` alias, set before each test's database access is checked against it."""
    with django_db_blocker.unblock():
        server = streaming_replica()
        try:
            port = server.__enter__()
        except ReplicaUnavailable as reason:
            pytest.skip(f"no streaming replica on this machine: {reason}")
    with replica_connection(HOST="127.0.0.1", PORT=port):
        yield
    with django_db_blocker.unblock():
        server.__exit__(None, None, None)


@pytest.fixture
def replica(replica_alias):
    replicas.forget_replay()
    yield connections[replicas.REPLICA]
    set_replay(paused=False)
    replicas.forget_replay()


on_both_databases = pytest.mark.django_db(transaction=True, databases=["default", "replica"])


def catalogue_reads(queries):
    return [q["sql"] for q in queries if "catalogue_product" in q["sql"]]


def has_price(response, shown):
    content = response.content.decode()
    return shown in content or shown.replace(",", "") in content


def get_page(client, url):
    with (
        CaptureQueriesContext(connections["default"]) as primary,
        CaptureQueriesContext(connections[replicas.REPLICA]) as standby,
    ):
        response = client.get(url)
    assert response.status_code == 200
    return response, catalogue_reads(primary.captured_queries), catalogue_reads(standby)


@pytest.mark.postgres
@on_both_databases
@NO_PAGE_CACHE
def test_an_anonymous_product_page_reads_the_catalogue_from_the_replica(client, replica):
    product = ProductFactory()
    wait_until_replayed()
    _response, on_primary, on_replica = get_page(client, product.get_absolute_url())
    assert on_replica
    assert not on_primary


def search_reads(queries):
    return [q["sql"] for q in queries if "catalogue_productsearchdocument" in q["sql"]]


@pytest.mark.postgres
@on_both_databases
@NO_PAGE_CACHE
def test_an_anonymous_search_ranks_its_matches_on_the_replica(client, replica):
    ProductFactory(title_en="Zanafi kilim")
    wait_until_replayed()
    with (
        CaptureQueriesContext(connections["default"]) as primary,
        CaptureQueriesContext(connections[replicas.REPLICA]) as standby,
    ):
        response = client.get("/en/search/?q=zanafi")
    assert response.status_code == 200 and "Zanafi kilim" in response.content.decode()
    assert search_reads(standby.captured_queries)
    assert not search_reads(primary.captured_queries)


@pytest.mark.postgres
@on_both_databases
@NO_PAGE_CACHE
def test_a_signed_in_buyer_reads_the_primary(client, replica):
    product = ProductFactory()
    client.force_login(UserFactory())
    wait_until_replayed()
    _response, on_primary, on_replica = get_page(client, product.get_absolute_url())
    assert on_primary
    assert not on_replica


@pytest.mark.postgres
@on_both_databases
@NO_PAGE_CACHE
def test_a_price_change_is_read_from_the_primary_until_the_replica_replays_it(client, replica):
    product = ProductFactory()
    wait_until_replayed()
    set_replay(paused=True)
    record = product.stockrecords.get()
    record.price = Decimal("4321.00")
    record.save()
    response, on_primary, on_replica = get_page(client, product.get_absolute_url())
    assert has_price(response, "4,321.00")
    assert on_primary and not on_replica
    set_replay(paused=False)
    wait_until_replayed()
    replicas.forget_replay()  # this process reads the replica's position afresh
    response, on_primary, on_replica = get_page(client, product.get_absolute_url())
    assert has_price(response, "4,321.00")
    assert on_replica and not on_primary


def _writing_view(product):
    def view(request):
        record = product.stockrecords.get()
        record.num_in_stock -= 1
        record.save()
        return HttpResponse("sold")

    return view


def _reading_view(request):
    from oscar.core.loading import get_model

    list(get_model("catalogue", "Product").objects.all()[:1])
    return HttpResponse("read")


def _anonymous(path="/", cookies=None, method="get"):
    request = getattr(RequestFactory(), method)(path)
    request.user = AnonymousUser()
    request.COOKIES.update(cookies or {})
    return request


@pytest.mark.postgres
@on_both_databases
def test_a_buyer_who_wrote_reads_the_primary_until_the_replica_has_the_write(replica):
    product = ProductFactory()
    wait_until_replayed()
    set_replay(paused=True)
    sold = replicas.ReplicaReadMiddleware(_writing_view(product))(_anonymous(method="post"))
    pin = {replicas.COOKIE: sold.cookies[replicas.COOKIE].value}
    replicas.cache.delete(replicas.FENCE_KEY)  # only the buyer's own write holds it back
    reader = replicas.ReplicaReadMiddleware(_reading_view)
    with CaptureQueriesContext(connections[replicas.REPLICA]) as standby:
        reader(_anonymous(cookies=pin))
    assert not catalogue_reads(standby.captured_queries)
    with CaptureQueriesContext(connections[replicas.REPLICA]) as standby:
        reader(_anonymous())
    assert catalogue_reads(standby.captured_queries), "a browser without the pin uses the replica"
    set_replay(paused=False)
    wait_until_replayed()
    replicas.forget_replay()
    with CaptureQueriesContext(connections[replicas.REPLICA]) as standby:
        reader(_anonymous(cookies=pin))
    assert catalogue_reads(standby.captured_queries)


@pytest.mark.postgres
@on_both_databases
def test_reads_after_a_write_in_the_same_request_stay_on_the_primary(replica):
    product = ProductFactory()
    wait_until_replayed()

    def write_then_read(request):
        _writing_view(product)(request)
        return _reading_view(request)

    with CaptureQueriesContext(connections[replicas.REPLICA]) as standby:
        replicas.ReplicaReadMiddleware(write_then_read)(_anonymous())
    assert not catalogue_reads(standby.captured_queries)


class FenceReads:
    """Counts the Redis round trips that read the catalogue fence: alone (``alone``) or with
    other keys (``with_keys``)."""

    def __init__(self, monkeypatch):
        self.alone, self.with_keys = 0, 0
        backend = replicas.cache
        spy = self

        class Spy:
            def __getattr__(self, name):
                return getattr(backend, name)

            def get(self, key, *args, **kwargs):
                spy.alone += key == replicas.FENCE_KEY
                return backend.get(key, *args, **kwargs)

            def get_many(self, keys, *args, **kwargs):
                spy.with_keys += replicas.FENCE_KEY in keys
                return backend.get_many(keys, *args, **kwargs)

        monkeypatch.setattr(replicas, "cache", Spy())
        monkeypatch.setattr(core_cache, "cache", Spy())

    @property
    def total(self):
        return self.alone + self.with_keys


def _reading_many(request):
    from oscar.core.loading import get_model

    Product = get_model("catalogue", "Product")
    for _n in range(5):
        list(Product.objects.all()[:1])
    return HttpResponse("read")


@pytest.mark.postgres
@on_both_databases
def test_a_request_reads_the_fence_once_however_many_replica_reads_it_makes(replica, monkeypatch):
    ProductFactory()
    wait_until_replayed()
    reads = FenceReads(monkeypatch)
    with CaptureQueriesContext(connections[replicas.REPLICA]) as standby:
        replicas.ReplicaReadMiddleware(_reading_many)(_anonymous())
    assert len(catalogue_reads(standby.captured_queries)) == 5
    assert reads.total == 1
    replicas.ReplicaReadMiddleware(_reading_many)(_anonymous())
    assert reads.total == 2, "the next request reads it afresh"


@pytest.mark.postgres
@on_both_databases
@NO_PAGE_CACHE
def test_a_product_page_reads_the_fence_alone_at_most_once(client, replica, monkeypatch):
    product = ProductFactory()
    wait_until_replayed()
    get_page(client, product.get_absolute_url())  # cards, menus and rates cached
    reads = FenceReads(monkeypatch)
    with CaptureQueriesContext(connections[replicas.REPLICA]) as standby:
        response = client.get(product.get_absolute_url())
    assert response.status_code == 200
    assert len(standby.captured_queries) > 1
    assert reads.alone <= 1  # its first query comes before any key: then with the keys only
    assert reads.with_keys < len(standby.captured_queries)


def _another_process_reprices(product, price):
    """A seller's edit in another process: not this request's own write."""

    def reprice():
        try:
            record = product.stockrecords.get()
            record.price = Decimal(price)
            record.save()
        finally:
            connections.close_all()

    thread = threading.Thread(target=reprice)
    thread.start()
    thread.join()


@pytest.mark.postgres
@on_both_databases
def test_a_change_committed_during_a_request_holds_its_later_reads_to_the_new_fence(replica):
    """The request read the fence before the change; it then reads the product's new token,
    and with it the new fence: what it computes under that token comes from the primary."""
    from oscar.core.loading import get_model

    Product = get_model("catalogue", "Product")
    product = ProductFactory()
    wait_until_replayed()
    where = []

    def view(request):
        with CaptureQueriesContext(connections[replicas.REPLICA]) as standby:
            list(Product.objects.filter(pk=product.pk))
        where.append(bool(catalogue_reads(standby.captured_queries)))
        set_replay(paused=True)
        _another_process_reprices(product, "4321.00")
        core_cache.product_states([product.pk])  # the key its card and page are cached under
        with CaptureQueriesContext(connections[replicas.REPLICA]) as standby:
            list(Product.objects.filter(pk=product.pk))
        where.append(bool(catalogue_reads(standby.captured_queries)))
        return HttpResponse("read")

    replicas.ReplicaReadMiddleware(view)(_anonymous())
    assert where == [True, False]


def test_without_a_replica_the_router_sends_everything_to_the_primary():
    from oscar.core.loading import get_model

    router = replicas.ReplicaRouter()
    Product = get_model("catalogue", "Product")
    assert router.db_for_read(Product) == "default"
    assert router.allow_migrate("replica", "catalogue") is False
