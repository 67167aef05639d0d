"""The seller's listings: list, create (with its photos), edit (texts in every language, price,
stock). Without JavaScript, "choose craft" re-renders the form with that craft's materials and
techniques; photos sent with an invalid form are kept (``photo_drafts``)."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, ListView
from oscar.core.loading import get_model

from catalog.crafts import VOCABULARIES
from sellers.space import photo_drafts
from sellers.space.access import SellerSpaceMixin
from sellers.space.catalogue import seller_products
from sellers.space.forms import ListingForm
from sellers.space.services import save_listing
from sellers.space.views.photos import after_upload

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
    if not product.has_photo:
        return "no_photo", _("Hidden until it has a photo")
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
        context["vocabulary_by_craft"] = form.vocabulary_by_craft()
        if self.product is not None:
            context["has_photo"] = self.product.has_photo
        return context

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        if "choose_craft" not in request.POST:
            return self.form_valid(form) if form.is_valid() else self.form_invalid(form)
        self.keep_photos(form)
        return self.render_to_response(self.get_context_data(form=self.form_as_typed(form)))

    def form_as_typed(self, form):
        """An unbound form showing what was typed, with the chosen craft's vocabulary."""
        data, initial = form.data, {}
        for name, field in form.fields.items():
            if name in VOCABULARIES:
                initial[name] = data.getlist(name)
            elif isinstance(field.widget, forms.CheckboxInput):
                initial[name] = name in data
            elif name in data:
                initial[name] = data[name]
        craft = initial.get("craft", "")
        initial["craft"] = int(craft) if craft.isdigit() else None
        kwargs = self.get_form_kwargs()
        kwargs.pop("data", None)
        kwargs.pop("files", None)
        return self.get_form_class()(**{**kwargs, "initial": initial})

    def keep_photos(self, form):
        """Nothing to keep: only a new listing takes photos in its form."""

    def form_invalid(self, form):
        self.keep_photos(form)
        return super().form_invalid(form)

    def form_valid(self, form):
        product = save_listing(self.seller, form)
        messages.success(self.request, self.success_message)
        return redirect("seller_space:listing-edit", pk=product.pk)


class ListingCreateView(ListingFormMixin, FormView):
    """A new listing and its first photos, in one form."""

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["kept_photos"] = len(photo_drafts.kept(self.request))
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["kept_photos"] = photo_drafts.kept(self.request)
        return context

    def keep_photos(self, form):
        """Keep the valid photos of a form that cannot be saved yet."""
        if form.has_error("photos"):
            return
        photos = form.cleaned_data.get("photos") or []
        if photos:
            photo_drafts.stash(self.request, photos)

    def form_valid(self, form):
        photos = [*photo_drafts.restore(self.request), *form.cleaned_data["photos"]]
        product = save_listing(self.seller, form, photos)
        photo_drafts.clear(self.request)
        if photos:
            message = ngettext(
                "Your listing is saved with its photo.",
                "Your listing is saved with its %(count)s photos. Put them in order below.",
                len(photos),
            ) % {"count": len(photos)}
        else:
            message = _(
                "Your listing is saved. It stays hidden until it has a photo: add one below."
            )
        messages.success(self.request, message)
        return after_upload(self.request, reverse("seller_space:photos", args=[product.pk]))


class ListingUpdateView(ListingFormMixin, FormView):
    success_message = _("Your changes are saved.")

    def get_form_kwargs(self):
        self.product = get_object_or_404(seller_products(self.seller), pk=self.kwargs["pk"])
        return super().get_form_kwargs()
