"""The seller's wholesale orders and the cartons it packs its part of one into (number,
contents, dimensions, weights). A seller sees only orders with an accepted part of its own
(404 otherwise) and only its own cartons; the rules are ``wholesale.freight``'s."""

from decimal import Decimal

from django import forms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import FormView, ListView

from marketplace.core.forms import LocalizedDecimalField, LocalizedIntegerField
from sellers.space.access import SellerSpaceMixin
from wholesale import freight
from wholesale.freight import FreightError
from wholesale.models import FreightQuote

CM = {"max_digits": 6, "decimal_places": 1, "min_value": Decimal("0.1")}
KG = {"max_digits": 8, "decimal_places": 3, "min_value": Decimal("0.001")}


class WholesaleOrderListView(SellerSpaceMixin, ListView):
    template_name = "seller_space/wholesale_orders.html"
    context_object_name = "orders"
    paginate_by = 50

    def get_queryset(self):
        return (
            freight.seller_orders(self.seller)
            .select_related("company", "request__destination")
            .order_by("-created_at")
        )


class CartonForm(forms.Form):
    number = LocalizedIntegerField(label=_("carton number"), min_value=1, max_value=9999)
    length_cm = LocalizedDecimalField(label=_("length (cm)"), unit="cm", **CM)
    width_cm = LocalizedDecimalField(label=_("width (cm)"), unit="cm", **CM)
    height_cm = LocalizedDecimalField(label=_("height (cm)"), unit="cm", **CM)
    gross_kg = LocalizedDecimalField(label=_("gross weight (kg)"), unit="kg", **KG)
    net_kg = LocalizedDecimalField(label=_("net weight (kg)"), unit="kg", **KG)

    def __init__(self, *args, lines, **kwargs):
        super().__init__(*args, **kwargs)
        self.lines = lines
        for line in lines:
            self.fields[f"line_{line.pk}"] = LocalizedIntegerField(
                label=line.stockrecord.product.title,
                min_value=0,
                max_value=line.quantity,
                required=False,
            )

    @property
    def line_fields(self):
        return [self[f"line_{line.pk}"] for line in self.lines]

    def quantities(self):
        return {line.pk: self.cleaned_data.get(f"line_{line.pk}") or 0 for line in self.lines}


class FreightForm(forms.Form):
    amount = LocalizedDecimalField(
        label=_("Freight (MAD)"), max_digits=12, decimal_places=2, min_value=Decimal("0.01")
    )
    port = forms.CharField(label=_("Destination port"), max_length=60, required=False)
    note = forms.CharField(label=_("Note"), max_length=200, required=False)


class SellerOrderMixin(SellerSpaceMixin):
    def get_order(self):
        return get_object_or_404(
            freight.seller_orders(self.seller).select_related("company", "request__destination"),
            pk=self.kwargs["pk"],
        )


class CartonsView(SellerOrderMixin, FormView):
    template_name = "seller_space/wholesale_cartons.html"
    form_class = CartonForm

    def get_form_kwargs(self):
        self.order = self.get_order()
        self.lines = list(freight.seller_lines(self.order, self.seller))
        return {**super().get_form_kwargs(), "lines": self.lines}

    def get_initial(self):
        numbers = self.order.cartons.filter(seller=self.seller).values_list("number", flat=True)
        return {"number": max(numbers, default=0) + 1}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)  # builds the form, so finds the order
        packed = freight.packed_quantities(self.order)
        return {
            **context,
            "order": self.order,
            "lines": [(line, packed.get(line.pk, 0)) for line in self.lines],
            "cartons": freight.order_cartons(self.order).filter(seller=self.seller),
            "freight": FreightQuote.objects.filter(order=self.order).first(),
            "freight_form": self._freight_form(kwargs.get("freight_form")),
        }

    def _freight_form(self, form):
        quotes_freight = freight.needs_freight_quote(self.order.request.incoterm)
        if not quotes_freight or not freight.sole_seller(self.order, self.seller):
            return None
        return form or FreightForm()

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            freight.add_carton(
                self.order.pk,
                self.seller,
                data["number"],
                (data["length_cm"], data["width_cm"], data["height_cm"]),
                data["gross_kg"],
                data["net_kg"],
                form.quantities(),
            )
        except FreightError as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        messages.success(self.request, _("The carton is recorded."))
        return redirect("seller_space:wholesale-cartons", pk=self.order.pk)


class FreightQuoteView(CartonsView):
    """POST the freight of an order the seller alone supplies."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        form_kwargs = self.get_form_kwargs()
        freight_form = FreightForm(request.POST)
        if freight_form.is_valid():
            data = freight_form.cleaned_data
            try:
                freight.override_quote(
                    self.order.pk,
                    request.user,
                    data["amount"],
                    data["port"],
                    data["note"],
                    seller=self.seller,
                )
            except FreightError as error:
                freight_form.add_error(None, str(error))
        if freight_form.errors:
            form = self.form_class(lines=form_kwargs["lines"], initial=self.get_initial())
            context = self.get_context_data(form=form, freight_form=freight_form)
            return self.render_to_response(context, status=400)
        messages.success(request, _("The freight quote is saved."))
        return redirect("seller_space:wholesale-cartons", pk=self.order.pk)


class CartonDeleteView(SellerOrderMixin, View):
    def post(self, request, pk, carton_pk):
        order = self.get_order()
        if not freight.remove_carton(order.pk, self.seller, carton_pk):
            raise Http404
        messages.success(request, _("The carton is removed."))
        return redirect("seller_space:wholesale-cartons", pk=order.pk)
