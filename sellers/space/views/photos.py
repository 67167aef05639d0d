"""A listing's photos: upload several at once (checked by content), reorder, choose the main
one, delete (after a confirmation)."""

from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views import View
from django.views.generic import FormView
from oscar.core.loading import get_model

from marketplace.core.confirm import confirm_page, is_confirmed
from sellers.space.access import SellerSpaceMixin
from sellers.space.catalogue import seller_products
from sellers.space.forms import PhotoForm
from sellers.space.services import add_photos, delete_photo, make_main_photo, move_photo

ProductImage = get_model("catalogue", "ProductImage")


def after_upload(request, url):
    """Where to go once photos are saved: a redirect, or for the page's script (which sent the
    form with XMLHttpRequest to show its progress) the address to go to."""
    if request.headers.get("X-Requested-With") == "XMLHttpRequest":
        return JsonResponse({"location": url})
    return redirect(url)


class SellerProductMixin(SellerSpaceMixin):
    """``self.product``: one of the seller's products, else 404."""

    def get_product(self):
        return get_object_or_404(seller_products(self.seller), pk=self.kwargs["pk"])


class PhotoListView(SellerProductMixin, FormView):
    template_name = "seller_space/photos.html"
    form_class = PhotoForm

    def dispatch(self, request, *args, **kwargs):
        self.product = None
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        self.product = self.product or self.get_product()
        return {**super().get_form_kwargs(), "product": self.product}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["product"] = self.product
        context["photos"] = list(self.product.images.order_by("display_order", "pk"))
        return context

    def form_valid(self, form):
        photos = form.cleaned_data["photos"]
        add_photos(self.product, photos)
        messages.success(
            self.request,
            ngettext("The photo is added.", "%(count)s photos are added.", len(photos))
            % {"count": len(photos)},
        )
        return after_upload(self.request, reverse("seller_space:photos", args=[self.product.pk]))


class PhotoActionView(SellerProductMixin, View):
    """POST: move a photo earlier or later, or make it the main one; delete it once confirmed
    (GET: the question)."""

    http_method_names = ["get", "post"]

    def get(self, request, *args, **kwargs):
        if self.kwargs["action"] != "delete":
            return self.http_method_not_allowed(request, *args, **kwargs)
        return self.post(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        product = self.get_product()
        photo = get_object_or_404(ProductImage, product=product, pk=self.kwargs["photo_pk"])
        action = self.kwargs["action"]
        if action == "delete" and not is_confirmed(request):
            return confirm_page(
                request,
                question=_("Delete this photo of “%(title)s”? This cannot be undone.")
                % {"title": product.title},
                button=_("Delete the photo"),
                cancel_url=reverse("seller_space:photos", args=[product.pk]),
                danger=True,
                base_template="seller_space/base.html",
                context={"seller": self.seller, "several_sellers": self.several_sellers},
            )
        if action == "delete":
            delete_photo(photo)
            messages.success(request, _("The photo is deleted."))
        elif action == "main":
            make_main_photo(photo)
            messages.success(request, _("This photo is now the main one."))
        else:
            move_photo(photo, -1 if action == "up" else 1)
        return redirect("seller_space:photos", pk=product.pk)
