"""The catalogue as CMS pages see it: only products a buyer can purchase right now.

Every product a page shows goes through ``purchasable()``: the single visibility rule
(``Product.objects.sellable()``) plus stock left to sell, so a sold unique piece, a hidden
product or a suspended seller's piece drops out of every page at its next render.
"""

from django.db.models import Exists, F, OuterRef, Q
from django.db.models.functions import Coalesce
from oscar.core.loading import get_model


def purchasable():
    """Sellable products with stock left (untracked stock counts as available)."""
    Product = get_model("catalogue", "Product")
    StockRecord = get_model("partner", "StockRecord")
    in_stock = StockRecord.objects.filter(product=OuterRef("pk")).filter(
        Q(num_in_stock__isnull=True) | Q(num_in_stock__gt=Coalesce(F("num_allocated"), 0))
    )
    return Product.objects.sellable().filter(Exists(in_stock))


def in_order(products, ids):
    """``products`` sorted as ``ids`` lists them (a curator's order)."""
    position = {pk: index for index, pk in enumerate(ids)}
    return sorted(products, key=lambda product: position[product.pk])
