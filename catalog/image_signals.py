"""A new or replaced product image gets its renditions made after commit."""

from django.db import transaction
from django.db.models.signals import post_save
from oscar.core.loading import get_model

from catalog.tasks import make_product_image_renditions


def image_saved(sender, instance, created, raw=False, update_fields=None, **kwargs):
    if raw or instance.renditions_ready:
        return
    transaction.on_commit(lambda: make_product_image_renditions.delay(instance.pk))


def connect():
    ProductImage = get_model("catalogue", "ProductImage")
    post_save.connect(image_saved, sender=ProductImage, dispatch_uid="product-image-renditions")
