"""Listing and photo changes, each in one transaction."""

from django.core.files.base import ContentFile
from django.db import transaction
from oscar.core.loading import get_model

from catalog.renditions import WIDTHS, rendition_name
from catalog.search.signals import deferred_reindex

ProductCategory = get_model("catalogue", "ProductCategory")
ProductImage = get_model("catalogue", "ProductImage")
StockRecord = get_model("partner", "StockRecord")


@transaction.atomic
def save_listing(seller, form, photos=()):
    """Create or update the product, its craft and its stock record from a valid ListingForm,
    and append ``photos`` (checked files) in their order."""
    with deferred_reindex():
        product = write_listing(seller, form)
        add_photos(product, photos)
        return product


def write_listing(seller, form):
    creating = form.instance.pk is None
    product = form.save(commit=False)
    product.save()
    form.save_m2m()
    craft = form.cleaned_data["craft"]
    ProductCategory.objects.filter(product=product).exclude(category=craft).delete()
    ProductCategory.objects.get_or_create(product=product, category=craft)
    save_stockrecord(seller, product, form.cleaned_data, creating)
    return product


def save_stockrecord(seller, product, data, creating):
    values = {
        "price": data["price"],
        "price_currency": "MAD",
        "num_in_stock": data["num_in_stock"],
        "partner_sku": data["sku"] or f"P{product.pk}",
    }
    if creating:
        return StockRecord.objects.create(product=product, partner=seller, **values)
    record = StockRecord.objects.select_for_update().get(product=product, partner=seller)
    for name, value in values.items():
        setattr(record, name, value)
    record.save()
    return record


@transaction.atomic
def add_photos(product, photos):
    """Append ``photos`` (checked files) in their order, indexing the product once."""
    with deferred_reindex():
        return [add_photo(product, photo) for photo in photos]


@transaction.atomic
def add_photo(product, upload):
    """Append a photo (checked and named by ``uploads.SELLER_PHOTO``) after the last one."""
    last = product.images.order_by("-display_order").values_list("display_order", flat=True)
    position = (last.first() + 1) if last.exists() else 0
    image = ProductImage(product=product, display_order=position)
    image.original.save(upload.name, ContentFile(upload.read()), save=False)
    image.save()
    return image


@transaction.atomic
def move_photo(image, offset):
    """Swap the photo with its neighbour (offset -1: earlier, +1: later)."""
    images = locked_photos(image)
    index = next(i for i, other in enumerate(images) if other.pk == image.pk)
    target = index + offset
    if not 0 <= target < len(images):
        return
    images[index], images[target] = images[target], images[index]
    renumber(images)


@transaction.atomic
def make_main_photo(image):
    """Put the photo first (the main photo); the others keep their order after it."""
    images = locked_photos(image)
    images.sort(key=lambda other: other.pk != image.pk)
    renumber(images)


def locked_photos(image):
    return list(
        ProductImage.objects.select_for_update()
        .filter(product_id=image.product_id)
        .order_by("display_order", "pk")
    )


def renumber(images):
    for position, other in enumerate(images):
        if other.display_order != position:
            ProductImage.objects.filter(pk=other.pk).update(display_order=position)


@transaction.atomic
def delete_photo(image):
    """Delete the photo and its file; the others close the gap (Oscar keeps orders dense)."""
    storage, name = image.original.storage, image.original.name
    image.delete()
    transaction.on_commit(lambda: delete_files(storage, name))


def delete_files(storage, name):
    """Delete a photo's original and its WebP renditions."""
    for path in (name, *(rendition_name(name, width) for width in WIDTHS)):
        storage.delete(path)
