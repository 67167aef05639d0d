"""Catalogue lookups of the seller space: the seller's products, its usual craft and the craft
product class."""

from django.db.models import Count
from oscar.core.loading import get_model

Product = get_model("catalogue", "Product")
ProductCategory = get_model("catalogue", "ProductCategory")
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


def usual_craft(seller):
    """The id of the craft the seller lists most (ties: first in the tree), else of the first
    craft it declared when applying, else None."""
    most = (
        ProductCategory.objects.filter(product__stockrecords__partner=seller)
        .values("category_id", "category__path")
        .annotate(listed=Count("pk"))
        .order_by("-listed", "category__path")
        .first()
    )
    if most is not None:
        return most["category_id"]
    declared = seller.craft_branches.order_by("path").values_list("pk", flat=True).first()
    return declared
