"""The one rule for what the storefront may show and sell.

Every listing, search, product page, basket and CMS path goes through
``ProductQuerySet.sellable()``: a public, canonical product with at least one photo, whose
seller may sell (verified, professional card not expired: ``sellers.models.selling_q``); its
Python face is ``Product.is_sellable``. ``purchasable()`` adds stock left
to sell now: in stock, less what orders allocated and what other buyers' payments hold.
"""

from django.db.models import Exists, F, OuterRef, Prefetch, Q
from django.db.models.functions import Coalesce
from oscar.apps.catalogue.managers import ProductQuerySet as OscarProductQuerySet
from oscar.core.loading import get_model

from catalog import holds
from sellers.models import selling_q


def with_photo(outer="pk"):
    """The SQL condition that the product (``outer``) has at least one image."""
    ProductImage = get_model("catalogue", "ProductImage")
    return Exists(ProductImage.objects.filter(product=OuterRef(outer)))


class ProductQuerySet(OscarProductQuerySet):
    def sellable(self):
        """Public products with a photo, of sellers who may sell (the single visibility rule)."""
        StockRecord = get_model("partner", "StockRecord")
        verified_offer = StockRecord.objects.filter(selling_q("partner__"), product=OuterRef("pk"))
        return self.browsable().filter(Exists(verified_offer), with_photo())

    def purchasable(self):
        """Sellable products with a unit left to sell (untracked stock is always available)."""
        StockRecord = get_model("partner", "StockRecord")
        taken = Coalesce(F("num_allocated"), 0) + holds.held_quantity()
        in_stock = StockRecord.objects.filter(product=OuterRef("pk")).filter(
            Q(num_in_stock__isnull=True) | Q(num_in_stock__gt=taken)
        )
        return self.sellable().filter(Exists(in_stock))

    def in_category(self, category):
        """Products filed under the category or any of its descendants."""
        ProductCategory = get_model("catalogue", "ProductCategory")
        filed = ProductCategory.objects.filter(
            product=OuterRef("pk"), category__path__startswith=category.path
        )
        return self.filter(Exists(filed))

    def for_cards(self):
        """What a product card needs, in a constant number of queries."""
        ProductImage = get_model("catalogue", "ProductImage")
        StockRecord = get_model("partner", "StockRecord")
        return self.select_related("region", "product_class").prefetch_related(
            Prefetch(
                "stockrecords",
                queryset=StockRecord.objects.select_related("partner"),
            ),
            Prefetch("images", queryset=ProductImage.objects.order_by("display_order")),
        )
