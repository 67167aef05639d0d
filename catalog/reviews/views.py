"""Oscar's review views (``get_class("catalogue.reviews.views", ...)`` finds this module
through the forked catalogue app), with the product looked up before its reviews."""

from django.shortcuts import get_object_or_404
from oscar.apps.catalogue.reviews.views import ProductReviewList as OscarProductReviewList


class ProductReviewList(OscarProductReviewList):
    def dispatch(self, request, *args, **kwargs):
        # Oscar filters reviews by the raw product id of the URL, which SQLite cannot bind
        # beyond 64 bits; the product lookup first answers 404 to an id no product has.
        get_object_or_404(self.product_model, pk=kwargs["product_pk"], is_public=True)
        return super().dispatch(request, *args, **kwargs)
