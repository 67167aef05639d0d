"""A listing's wholesale tab: tiers, minimum order, case pack, lead time, samples."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from oscar.core.loading import get_model

from sellers.space.access import SellerSpaceMixin
from sellers.space.catalogue import seller_products
from wholesale.forms import WholesaleOfferForm
from wholesale.models import WholesaleOffer
from wholesale.services import save_offer

StockRecord = get_model("partner", "StockRecord")


class WholesaleOfferView(SellerSpaceMixin, FormView):
    template_name = "seller_space/wholesale_form.html"

    def get_form(self, form_class=None):
        self.product = get_object_or_404(seller_products(self.seller), pk=self.kwargs["pk"])
        self.stockrecord = get_object_or_404(StockRecord, product=self.product, partner=self.seller)
        if self.request.method == "POST":
            return WholesaleOfferForm(data=self.request.POST)
        offer = WholesaleOffer.objects.filter(stockrecord=self.stockrecord).first()
        return WholesaleOfferForm.for_offer(offer)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["product"] = self.product
        return context

    def form_valid(self, form):
        save_offer(self.stockrecord, form.cleaned_data)
        messages.success(self.request, _("Your wholesale terms are saved."))
        return redirect("seller_space:wholesale", pk=self.product.pk)
