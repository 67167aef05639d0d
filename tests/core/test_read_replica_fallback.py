"""A replica that cannot be reached costs the storefront nothing: its reads go to the primary."""

import pytest
from django.test import override_settings

from tests.factories.catalogue import ProductFactory
from tests.factories.checkout import free_port
from tests.support.replica import replica_connection

# A streaming replica is PostgreSQL's, of a PostgreSQL primary: the fence is a WAL position.
pytestmark = pytest.mark.postgres


@pytest.fixture(scope="module")
def unreachable_replica():
    with replica_connection(
        ENGINE="django.db.backends.postgresql",
        NAME="test",
        HOST="127.0.0.1",
        PORT=free_port(),
        OPTIONS={},
    ):
        yield


@pytest.mark.django_db(transaction=True, databases=["default", "replica"])
@override_settings(STOREFRONT_PAGE_CACHE=False)
def test_an_unreachable_replica_leaves_the_storefront_on_the_primary(client, unreachable_replica):
    product = ProductFactory()
    response = client.get(product.get_absolute_url())
    assert response.status_code == 200
    assert product.title in response.content.decode()
