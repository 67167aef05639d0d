"""Wagtail admin: a product chooser over the verified catalogue (``sellable()``)."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model
from wagtail import hooks
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.views.generic import chooser as chooser_views
from wagtail.admin.viewsets.chooser import ChooserViewSet


class ProductFilterForm(BaseFilterForm):
    q = forms.CharField(
        label=_("Search term"),
        widget=forms.TextInput(attrs={"placeholder": _("Title or SKU")}),
        required=False,
    )

    def filter(self, objects):
        query = self.cleaned_data.get("q")
        if query:
            objects = objects.filter(Q(title__icontains=query) | Q(upc__iexact=query))
            self.is_searching = True
            self.search_query = query
        return objects


class ProductChooseView(chooser_views.ChooseView):
    filter_form_class = ProductFilterForm


class ProductChooseResultsView(chooser_views.ChooseResultsView):
    filter_form_class = ProductFilterForm


class ProductChooserViewSet(ChooserViewSet):
    """Curators pick only from the verified sellers' public products.

    A product out of stock today can be chosen (it may come back); pages show only what is
    purchasable at render time.
    """

    model = "catalogue.Product"
    icon = "tag"
    choose_one_text = _("Choose a product")
    choose_another_text = _("Choose another product")
    edit_item_text = _("Edit product")
    per_page = 20
    choose_view_class = ProductChooseView
    choose_results_view_class = ProductChooseResultsView

    def get_object_list(self):
        Product = get_model("catalogue", "Product")
        return Product.objects.sellable().select_related("region").order_by("-date_created")


product_chooser_viewset = ProductChooserViewSet("product_chooser", url_prefix="products/choose")


@hooks.register("register_admin_viewset")
def register_product_chooser():
    return product_chooser_viewset
