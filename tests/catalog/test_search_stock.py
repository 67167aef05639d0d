"""A stock record's save reindexes its product only when what the search documents hold of it
(its seller and price) changed: a sale's allocation or a stock count leaves them as they are.
On PostgreSQL: elsewhere a document holds its text alone, and every save reindexes."""

from decimal import Decimal

import pytest
from oscar.core.loading import get_model

from tests.factories.catalogue import ProductFactory, SellerFactory

pytestmark = pytest.mark.django_db

Document = get_model("catalogue", "ProductSearchDocument")
StockRecord = get_model("partner", "StockRecord")


@pytest.fixture
def record():
    return ProductFactory().stockrecords.get()


@pytest.mark.postgres
def test_a_sales_allocation_does_not_reindex_the_product(record, reindex_calls):
    record.allocate(1)
    assert reindex_calls == []


@pytest.mark.postgres
def test_a_stock_count_saved_does_not_reindex_the_product(record, reindex_calls):
    record.num_in_stock = 9
    record.save()
    assert reindex_calls == []


@pytest.mark.postgres
def test_a_price_change_reindexes_the_product_with_its_new_price(record, reindex_calls):
    record.price = Decimal("1350.50")
    record.save()
    assert reindex_calls == [[record.product_id]]
    prices = Document.objects.filter(product_id=record.product_id).values_list("price_cents")
    assert set(prices) == {(135050,)}


@pytest.mark.postgres
def test_a_stock_record_moved_to_another_seller_reindexes_the_product(record, reindex_calls):
    record.partner = SellerFactory(name="Cooperative Tafraout")
    record.save()
    assert reindex_calls == [[record.product_id]]
    document = Document.objects.get(product_id=record.product_id, language="en")
    assert document.seller_id == record.partner_id
    assert "tafraout" in document.document


@pytest.mark.postgres
def test_a_stale_copy_saved_over_a_newer_price_reindexes_the_product(record, reindex_calls):
    stale = StockRecord.objects.get(pk=record.pk)
    record.price = Decimal("900.00")
    record.save()
    stale.save()  # writes 1200.00 back: the documents, which hold 900.00, are read again
    assert reindex_calls == [[record.product_id], [record.product_id]]
    prices = Document.objects.filter(product_id=record.product_id).values_list("price_cents")
    assert set(prices) == {(120000,)}


def test_a_new_stock_record_indexes_its_product(reindex_calls):
    product = ProductFactory(stockrecord=False)
    reindex_calls.clear()
    StockRecord.objects.create(
        product=product, partner=SellerFactory(), partner_sku="NEW-1", price=Decimal("80.00")
    )
    assert reindex_calls == [[product.pk]]
