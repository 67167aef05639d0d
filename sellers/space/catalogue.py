"""Catalogue lookups of the seller space: the seller's products and the craft product class."""

from oscar.core.loading import get_model

Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")

PRODUCT_CLASS_SLUG = "craft-piece"


def craft_piece_class():
    product_class, _created = ProductClass.objects.get_or_create(
        slug=PRODUCT_CLASS_SLUG,
        defaults={"name": "Craft piece", "track_stock": True, "requires_shipping": True},
    )
    return product_class


def seller_products(seller):
    """The seller's products (each has exactly one stock record, the seller's)."""
    return Product.objects.filter(stockrecords__partner=seller)
