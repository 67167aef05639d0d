"""Oscar's basket middleware, loading a basket's lines with what pricing and grouping read.

Oscar's ``Basket.all_lines`` joins product and stock record only; pricing each line then reads
the product's stock records, their seller and the product class one line at a time. Priming the
cached lines here keeps the basket and checkout pages' query count flat in the number of lines.
"""

from django.db.models import Prefetch
from oscar.apps.basket.middleware import BasketMiddleware as OscarBasketMiddleware
from oscar.core.loading import get_model

StockRecord = get_model("partner", "StockRecord")


def basket_lines(basket):
    return (
        basket.lines.select_related(
            "product",
            "product__product_class",
            "product__export_profile",
            "stockrecord",
            "stockrecord__partner",
        )
        .prefetch_related(
            "attributes",
            "product__images",
            "product__categories",
            Prefetch(
                "product__stockrecords", queryset=StockRecord.objects.select_related("partner")
            ),
        )
        .order_by("pk")
    )


class BasketMiddleware(OscarBasketMiddleware):
    def get_basket(self, request):
        basket = super().get_basket(request)
        if basket.id is not None and basket._lines is None:
            basket._lines = basket_lines(basket)
        return basket
