"""Search documents rebuilt in the background, in batches a worker finishes in time."""

from celery import shared_task

from catalog.search.index import reindex
from marketplace.core.cache import touch_products

# About 12 s of indexing on a loaded 2-core machine (~170 products/s measured).
REINDEX_BATCH = 2000


# The name predates this module; queued messages carry it.
@shared_task(name="catalog.tasks.reindex_products", ignore_result=True)
def reindex_products(product_ids):
    """Rebuild search documents for many products at once (a craft or seller renamed).

    Then touch the products (``touch_products``): lists read meanwhile from the documents as
    they were (text, prices, links) update their rows from the change log. Documents are
    upserted, so a second run writes the same rows.
    """
    reindex(product_ids)
    touch_products(product_ids)


def queue_reindex(product_ids):
    """One task per ``REINDEX_BATCH`` products, so each ends well inside the time limit."""
    for start in range(0, len(product_ids), REINDEX_BATCH):
        reindex_products.delay(product_ids[start : start + REINDEX_BATCH])
