"""Search documents rebuilt in the background, in batches a worker finishes in time."""

from celery import shared_task

from catalog.search.index import reindex
from marketplace.core.cache import STOREFRONT, bump

# About 12 s of indexing on a loaded 2-core machine (~170 products/s measured).
REINDEX_BATCH = 2000


# The name predates this module; queued messages carry it.
@shared_task(name="catalog.tasks.reindex_products", ignore_result=True)
def reindex_products(product_ids):
    """Rebuild search documents for many products at once (a craft or seller renamed).

    Then bump the catalogue version: a search list read meanwhile from the documents as they
    were (text, prices, links) is not served after they change. Documents are upserted, so a
    second run writes the same rows.
    """
    reindex(product_ids)
    bump(STOREFRONT)


def queue_reindex(product_ids):
    """One task per ``REINDEX_BATCH`` products, so each ends well inside the time limit."""
    for start in range(0, len(product_ids), REINDEX_BATCH):
        reindex_products.delay(product_ids[start : start + REINDEX_BATCH])
