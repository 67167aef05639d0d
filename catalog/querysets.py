"""The one rule for what the storefront may show and sell.

Every listing, search, product page, basket and CMS path goes through
``ProductQuerySet.sellable()``: a public, canonical product whose seller may sell (verified,
professional card not expired: ``sellers.models.selling_q``).
"""

from django.db.models import Exists, OuterRef, Prefetch
from oscar.apps.catalogue.managers import ProductQuerySet as OscarProductQuerySet
from oscar.core.loading import get_model


class ProductQuerySet(OscarProductQuerySet):
    def sellable(self):
        """Public products of sellers who may sell (the single visibility rule)."""
        from sellers.models import selling_q

        StockRecord = get_model("partner", "StockRecord")
        verified_offer = StockRecord.objects.filter(selling_q("partner__"), product=OuterRef("pk"))
        return self.browsable().filter(Exists(verified_offer))

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
