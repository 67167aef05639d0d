"""The seller's listings: list, create, edit (texts in every language, price, stock)."""

from django.conf import settings
from django.contrib import messages
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, ListView
from oscar.core.loading import get_model

from sellers.space.access import SellerSpaceMixin
from sellers.space.catalogue import seller_products
from sellers.space.forms import ListingForm
from sellers.space.services import save_listing

ProductImage = get_model("catalogue", "ProductImage")
Category = get_model("catalogue", "Category")
StockRecord = get_model("partner", "StockRecord")


def language_order():
    """The page's language first, then Arabic and French (the sellers' usual languages)."""
    codes = [get_language(), "ar", "fr", *(code for code, _name in settings.LANGUAGES)]
    known = {code for code, _name in settings.LANGUAGES}
    return [code for code in dict.fromkeys(codes) if code in known]


def listing_state(product, seller):
    """(code, label) of what a buyer sees of the listing."""
    record = product.seller_stockrecord
    if not seller.is_verified:
        return "waiting", _("Waiting for your verification")
    if not product.is_public:
        return "hidden", _("Hidden by you")
    if record is None or record.num_in_stock < 1:
        return "sold_out", _("Sold out")
    return "visible", _("In the shop")


class ListingListView(SellerSpaceMixin, ListView):
    template_name = "seller_space/listing_list.html"
    context_object_name = "listings"
    paginate_by = 24

    def get_queryset(self):
        return (
            seller_products(self.seller)
            .select_related("region")
            .prefetch_related(
                Prefetch("stockrecords", queryset=StockRecord.objects.select_related("partner")),
                Prefetch("images", queryset=ProductImage.objects.order_by("display_order")),
                "categories",
            )
            .order_by("-date_updated", "-pk")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        for product in context["listings"]:
            product.state_code, product.state_label = listing_state(product, self.seller)
            images = list(product.images.all())
            product.first_image = images[0] if images else None
        return context


class ListingFormMixin(SellerSpaceMixin):
    template_name = "seller_space/listing_form.html"
    form_class = ListingForm
    product = None

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["seller"] = self.seller
        if self.product is not None:
            kwargs["instance"] = self.product
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["product"] = self.product
        form, order = context["form"], language_order()
        context["title_fields"] = [form[f"title_{code}"] for code in order]
        context["description_fields"] = [form[f"description_{code}"] for code in order]
        return context

    def form_valid(self, form):
        product = save_listing(self.seller, form)
        messages.success(self.request, self.success_message)
        return redirect("seller_space:listing-edit", pk=product.pk)


class ListingCreateView(ListingFormMixin, FormView):
    success_message = _("Your listing is saved. Add its photos below.")


class ListingUpdateView(ListingFormMixin, FormView):
    success_message = _("Your changes are saved.")

    def get_form_kwargs(self):
        self.product = get_object_or_404(seller_products(self.seller), pk=self.kwargs["pk"])
        return super().get_form_kwargs()
