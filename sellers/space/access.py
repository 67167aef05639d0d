"""Who may enter the seller space, and which seller they act for.

A user acts for one of the sellers in ``user.partners`` (a cooperative has several member
accounts; a person may belong to several sellers and picks one, kept in the session).
Sellers of any status get in: a pending seller prepares listings that show once verified.
"""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse, reverse_lazy
from django.utils.http import urlencode

from sellers.permissions import ACTING_SELLER_KEY as SESSION_KEY
from sellers.permissions import acting_seller as chosen_seller
from sellers.permissions import member_sellers


def choose(request, seller):
    request.session[SESSION_KEY] = seller.pk


class SellerSpaceMixin(LoginRequiredMixin):
    """Sets ``self.seller``: logged-in members only (others: login redirect or 403)."""

    login_url = reverse_lazy("customer:login")

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        sellers = list(member_sellers(request.user))
        if not sellers:
            raise PermissionDenied
        self.seller = chosen_seller(request, sellers)
        self.several_sellers = len(sellers) > 1
        if self.seller is None:
            query = urlencode({"next": request.get_full_path()})
            return redirect(f"{reverse('seller_space:choose')}?{query}")
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["seller"] = self.seller
        context["several_sellers"] = self.several_sellers
        return context
