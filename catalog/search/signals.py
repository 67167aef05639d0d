"""Keep search documents current when what they are built from changes.

Small changes are indexed at once; a change touching many products (a craft or seller renamed)
goes to a Celery task after commit.
"""

import threading
from contextlib import contextmanager

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from oscar.core.loading import get_model

from catalog.search.index import holds_offer, reindex
from catalog.search.tasks import queue_reindex
from marketplace.core.cache import touch_products

INLINE_LIMIT = 200

Product = get_model("catalogue", "Product")
ProductCategory = get_model("catalogue", "ProductCategory")
ProductImage = get_model("catalogue", "ProductImage")
Category = get_model("catalogue", "Category")
StockRecord = get_model("partner", "StockRecord")
Partner = get_model("partner", "Partner")


_deferred = threading.local()


@contextmanager
def deferred_reindex():
    """Collect the products to reindex inside the block and index them once at its end.

    Saving one listing touches the product, its links and its stock record (five reindexes);
    a CSV import of many listings indexes each product once this way. Nothing is indexed if the
    block raises.
    """
    if getattr(_deferred, "ids", None) is not None:
        yield
        return
    _deferred.ids = set()
    try:
        yield
        ids = _deferred.ids
    finally:
        _deferred.ids = None
    schedule_reindex(ids)


def schedule_reindex(product_ids):
    if getattr(_deferred, "ids", None) is not None:
        _deferred.ids.update(product_ids)
        return
    ids = sorted(set(product_ids))
    if not ids:
        return
    if len(ids) <= INLINE_LIMIT:
        reindex(ids)
    else:
        transaction.on_commit(lambda: queue_reindex(ids))


def product_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        schedule_reindex([instance.pk])


def product_links_changed(sender, instance, action, pk_set=None, **kwargs):
    if action in {"post_add", "post_remove", "post_clear"}:
        if isinstance(instance, Product):
            schedule_reindex([instance.pk])
        else:
            schedule_reindex(instance.products.values_list("pk", flat=True))


def product_part_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        schedule_reindex([instance.product_id])


def stock_record_saved(sender, instance, created=False, raw=False, **kwargs):
    """A stock record saved: its product is indexed again unless its documents already hold
    its seller and price. A sale's allocation (Oscar's ``allocate`` sends ``post_save``) or a
    stock count changes neither: reindexing four languages was a fifth of placing an order."""
    if raw or (not created and holds_offer(instance)):
        return
    schedule_reindex([instance.product_id])


def product_part_deleted(sender, instance, **kwargs):
    """After commit: the product itself may be going (a cascade), so index what is left then,
    and let lists update the product's row from the documents (they hold its price and
    seller)."""
    product_id = instance.product_id

    def reindex_what_is_left():
        reindex([product_id])
        touch_products([product_id])

    transaction.on_commit(reindex_what_is_left)


def seller_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        schedule_reindex(instance.stockrecords.values_list("product_id", flat=True))


def category_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    filed = ProductCategory.objects.filter(category__path__startswith=instance.path)
    schedule_reindex(filed.values_list("product_id", flat=True))


def connect():
    post_save.connect(product_saved, sender=Product, dispatch_uid="search-product")
    for through in (Product.materials.through, Product.techniques.through):
        m2m_changed.connect(product_links_changed, sender=through, dispatch_uid=f"search-{through}")
    for model in (ProductCategory, ProductImage):
        post_save.connect(product_part_saved, sender=model, dispatch_uid=f"search-save-{model}")
    post_save.connect(stock_record_saved, sender=StockRecord, dispatch_uid="search-save-offer")
    for model in (ProductCategory, StockRecord, ProductImage):
        post_delete.connect(product_part_deleted, sender=model, dispatch_uid=f"search-del-{model}")
    post_save.connect(seller_saved, sender=Partner, dispatch_uid="search-seller")
    post_save.connect(category_saved, sender=Category, dispatch_uid="search-category")
