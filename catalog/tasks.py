"""Catalogue background work."""

from celery import shared_task
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import F
from oscar.apps.analytics.receivers import receive_product_view
from oscar.core.loading import get_model

from catalog.renditions import make_renditions
from catalog.search.tasks import reindex_products  # noqa: F401 (Celery finds tasks here)
from marketplace.core.cache import touch_products
from marketplace.idempotency.receipts import once_per_message


@shared_task(bind=True, ignore_result=True)
@once_per_message
def record_product_view(task, product_id, user_id=None):
    """Oscar's view analytics (counters, user history), run by a worker, not the page request.

    Counted once per message: a message delivered again finds its receipt.
    """
    Product = get_model("catalogue", "Product")
    product = Product.objects.filter(pk=product_id).first()
    if product is None:
        return
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    receive_product_view(sender=None, product=product, user=user)


@shared_task(bind=True, ignore_result=True)
@once_per_message
def record_product_views(task, counts):
    """Add a worker's tally of anonymous views (``[[product_id, views], ...]``:
    ``catalog.product_views``) to the products' view counters, once per message."""
    Product = get_model("catalogue", "Product")
    ProductRecord = get_model("analytics", "ProductRecord")
    existing = set(Product.objects.filter(pk__in=[pk for pk, _n in counts]).values_list("pk"))
    for product_id, views in counts:
        if (product_id,) not in existing:
            continue
        records = ProductRecord.objects.filter(product_id=product_id)
        if records.update(num_views=F("num_views") + views):
            continue
        try:
            with transaction.atomic():
                ProductRecord.objects.create(product_id=product_id, num_views=views)
        except IntegrityError:  # another message created it meanwhile
            records.update(num_views=F("num_views") + views)


@shared_task(ignore_result=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=3)
def make_product_image_renditions(image_id):
    """Make an uploaded product image's WebP renditions, then let pages use them."""
    ProductImage = get_model("catalogue", "ProductImage")
    image = ProductImage.objects.filter(pk=image_id).first()
    if image is None or not image.original:
        return
    make_renditions(image.original.name)
    ready = ProductImage.objects.filter(pk=image_id, original=image.original.name).update(
        renditions_ready=True
    )
    if ready:  # an update sends no signal: the product's card and page show the renditions
        touch_products([image.product_id])
