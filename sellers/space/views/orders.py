"""The seller's own order lines, grouped by order, and its parcel of each order.

Only the seller's lines are loaded; of the buyer, only the shipping address is shown (no
email, billing address, payment or other sellers' lines).
"""

import logging

from django.contrib import messages
from django.db.models import Exists, OuterRef, Prefetch
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import ListView, TemplateView
from oscar.core.loading import get_model

from marketplace.core.confirm import confirm_page, is_confirmed
from sellers.fulfilment.models import Parcel
from sellers.fulfilment.parcels import parcel_for
from sellers.fulfilment.services import TransitionError, advance, next_statuses, ship
from sellers.payouts.services import LedgerError
from sellers.space.access import SellerSpaceMixin
from sellers.space.forms import ShipmentForm

logger = logging.getLogger(__name__)

Order = get_model("order", "Order")
Line = get_model("order", "Line")


def seller_orders(seller):
    """Orders holding at least one of the seller's lines, with only those lines prefetched."""
    has_lines = Line.objects.filter(order=OuterRef("pk"), partner=seller)
    return (
        Order.objects.filter(Exists(has_lines))
        .only("pk", "number", "date_placed", "currency", "shipping_address")
        .prefetch_related(
            Prefetch(
                "lines",
                queryset=Line.objects.filter(partner=seller).order_by("pk"),
                to_attr="seller_lines",
            ),
            Prefetch(
                "parcels",
                queryset=Parcel.objects.filter(partner=seller).select_related("service__carrier"),
                to_attr="parcels_of_seller",
            ),
        )
        .order_by("-date_placed", "-pk")
    )


class OrderListView(SellerSpaceMixin, ListView):
    template_name = "seller_space/order_list.html"
    context_object_name = "orders"
    paginate_by = 20

    def get_queryset(self):
        orders = seller_orders(self.seller).select_related("shipping_address__country")
        status = self.request.GET.get("status")
        if status in Parcel.Status.values:
            with_status = Parcel.objects.filter(
                order=OuterRef("pk"), partner=self.seller, status=status
            )
            if status == Parcel.Status.PAID:
                opened = Parcel.objects.filter(order=OuterRef("pk"), partner=self.seller)
                orders = orders.filter(Exists(with_status) | ~Exists(opened))
            else:
                orders = orders.filter(Exists(with_status))
        return orders

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        for order in context["orders"]:
            parcels = order.parcels_of_seller
            order.fulfilment_status = (
                Parcel.Status(parcels[0].status) if parcels else Parcel.Status.PAID
            )
        context["statuses"] = Parcel.Status.choices
        context["current_status"] = self.request.GET.get("status", "")
        return context


class SellerOrderMixin(SellerSpaceMixin):
    def get_order(self):
        return get_object_or_404(
            seller_orders(self.seller).select_related("shipping_address__country"),
            number=self.kwargs["number"],
        )


class OrderDetailView(SellerOrderMixin, TemplateView):
    template_name = "seller_space/order_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        order = self.get_order()
        parcel = parcel_for(order, self.seller)
        initial = {"service": parcel.service.code if parcel.service_id else ""}
        context.update(
            parcel=parcel,
            documents=parcel.documents.all(),
            order=order,
            lines=order.seller_lines,
            total=sum((line.line_price_incl_tax for line in order.seller_lines), start=0),
            address=order.shipping_address,
            events=parcel.events.select_related("actor"),
            next_statuses=[Parcel.Status(s) for s in next_statuses(parcel.status)],
            shipment_form=kwargs.get("shipment_form") or ShipmentForm(initial=initial),
        )
        return context


class OrderStatusView(OrderDetailView):
    """POST: move the seller's parcel of the order to the next status."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        order = self.get_order()
        parcel = parcel_for(order, self.seller)
        to_status = request.POST.get("status", "")
        if to_status not in Parcel.Status.values:
            messages.error(request, _("Unknown status."))
            return redirect("seller_space:order", number=order.number)
        delivering = to_status == Parcel.Status.DELIVERED
        if delivering and to_status in next_statuses(parcel.status) and not is_confirmed(request):
            return confirm_page(
                request,
                question=_(
                    "Mark order %(number)s as delivered? Its amount is then credited to your "
                    "payouts and the buyer's return period starts; this cannot be undone."
                )
                % {"number": order.number},
                button=_("Yes, it is delivered"),
                cancel_url=reverse("seller_space:order", args=[order.number]),
                carry=("status",),
                base_template="seller_space/base.html",
                context={"seller": self.seller, "several_sellers": self.several_sellers},
            )
        if to_status == Parcel.Status.SHIPPED:
            form = ShipmentForm(request.POST)
            if not form.is_valid():
                context = self.get_context_data(shipment_form=form)
                return self.render_to_response(context, status=400)
        try:
            if to_status == Parcel.Status.SHIPPED:
                data = form.cleaned_data
                ship(parcel, data["service"], data["tracking_number"], request.user)
            else:
                advance(parcel, to_status, request.user)
        except TransitionError as error:
            messages.error(request, str(error))
        except LedgerError:
            messages.error(request, _("The shipment could not be recorded; our team is told."))
            logger.exception("Shipment of order %s not credited", order.number)
        return redirect("seller_space:order", number=order.number)
