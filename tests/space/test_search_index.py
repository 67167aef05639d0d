"""Listings saved in the seller space are indexed for search, once per save or import."""

import pytest
from oscar.core.loading import get_model

from catalog.search import signals
from tests.factories.catalogue import (
    MaterialFactory,
    RegionFactory,
    SellerFactory,
    TechniqueFactory,
    rug_craft,
)
from tests.factories.users import member_of
from tests.space.test_csv_import import csv_file, row

pytestmark = pytest.mark.django_db

Document = get_model("catalogue", "ProductSearchDocument")
Product = get_model("catalogue", "Product")


@pytest.fixture
def csv_member(client):
    rug_craft()
    RegionFactory()
    MaterialFactory()
    TechniqueFactory()
    client.force_login(member_of(SellerFactory()))
    return client


def test_csv_import_indexes_each_listing_once_with_its_row(csv_member, reindex_calls, send):
    send(csv_member, csv_file([row(), row(), row()]))
    ids = sorted(Product.objects.values_list("pk", flat=True))
    assert reindex_calls == [[pk] for pk in ids]
    assert Document.objects.filter(product_id__in=ids).count() == 3 * 4


def test_a_refused_row_indexes_nothing(csv_member, reindex_calls, send):
    send(csv_member, csv_file([row(price_mad="0")]))
    assert reindex_calls == []


def test_nested_deferral_indexes_once_at_the_outer_end(reindex_calls):
    with signals.deferred_reindex():
        with signals.deferred_reindex():
            signals.schedule_reindex([1])
        assert reindex_calls == []
        signals.schedule_reindex([2])
    assert reindex_calls == [[1, 2]]


def test_block_that_raises_indexes_nothing(reindex_calls):
    with pytest.raises(RuntimeError), signals.deferred_reindex():
        signals.schedule_reindex([1])
        raise RuntimeError
    signals.schedule_reindex([3])
    assert reindex_calls == [[3]]
