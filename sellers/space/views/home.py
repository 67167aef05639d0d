"""The seller space's front page and the seller picker."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from sellers.fulfilment.models import Parcel
from sellers.payouts.services import balance
from sellers.space.access import SellerSpaceMixin, choose, member_sellers
from sellers.space.catalogue import seller_products


class HomeView(SellerSpaceMixin, TemplateView):
    template_name = "seller_space/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            listings_count=seller_products(self.seller).count(),
            to_prepare_count=Parcel.objects.filter(
                partner=self.seller,
                status__in=[Parcel.Status.PAID, Parcel.Status.IN_PREPARATION],
            ).count(),
            balance=balance(self.seller),
        )
        return context


class ChooseSellerView(LoginRequiredMixin, TemplateView):
    """A member of several sellers picks the one to act for (kept in the session)."""

    template_name = "seller_space/choose.html"
    login_url = reverse_lazy("customer:login")

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not member_sellers(request.user).exists():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["sellers"] = member_sellers(self.request.user)
        context["next"] = self.request.GET.get("next", "")
        return context

    def post(self, request, *args, **kwargs):
        seller_id = request.POST.get("seller", "")
        if not seller_id.isdigit():
            raise Http404
        seller = get_object_or_404(member_sellers(request.user), pk=seller_id)
        choose(request, seller)
        messages.success(
            request, _("You are now working for %(name)s.") % {"name": seller.display_name}
        )
        target = request.POST.get("next", "")
        if not url_has_allowed_host_and_scheme(target, {request.get_host()}):
            target = reverse_lazy("seller_space:home")
        return redirect(target)
