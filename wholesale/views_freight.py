"""Freight pages: the buyer's freight papers (packing list, each seller's commercial invoice,
the export declaration data as a page and a CSV), shown once the cartons are in, and the
staff's freight quote of an order (computed from the rates table, or entered)."""

from django import forms
from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import DetailView, ListView

from marketplace.core.forms import LocalizedDecimalField
from wholesale import freight, freight_papers
from wholesale.freight import FreightError
from wholesale.models import FreightRate, WholesaleOrder
from wholesale.quote_views import VerifiedBuyerMixin


def _attachment(content, content_type, filename):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class BuyerPapersMixin(VerifiedBuyerMixin):
    """The buyer's company's order, once its papers are ready (404 before)."""

    def order(self):
        order = get_object_or_404(
            WholesaleOrder.objects.select_related("request__destination", "company"),
            pk=self.kwargs["pk"],
            company=self.company,
        )
        if not freight.papers_ready(order):
            raise Http404
        return order


class PackingListView(BuyerPapersMixin, View):
    def get(self, request, pk):
        order = self.order()
        pdf = freight_papers.render_packing_list(order)
        return _attachment(pdf, "application/pdf", f"{order.reference}-packing-list.pdf")


class InvoiceView(BuyerPapersMixin, View):
    def get(self, request, pk, seller_pk):
        order = self.order()
        sellers = {seller.pk: seller for seller in freight_papers.sellers_of(order)}
        if seller_pk not in sellers:
            raise Http404
        pdf = freight_papers.render_invoice(order, sellers[seller_pk])
        name = freight_papers.invoice_number(order, sellers[seller_pk])
        return _attachment(pdf, "application/pdf", f"{name}-invoice.pdf")


class DeclarationView(BuyerPapersMixin, View):
    csv = False

    def get(self, request, pk):
        order = self.order()
        rows = freight_papers.declaration_rows(order)
        if self.csv:
            content = freight_papers.as_csv(rows)
            return _attachment(content, "text/csv", f"{order.reference}-export-declaration.csv")
        context = {"order": order, "rows": rows, "columns": freight_papers.COLUMNS}
        return render(request, "wholesale/declaration.html", context)


class RateForm(forms.Form):
    rate = forms.ModelChoiceField(
        label=_("Freight rate"),
        queryset=FreightRate.objects.none(),
        required=False,
        empty_label=_("The rate valid today for the destination"),
    )
    port = forms.CharField(label=_("Destination port"), max_length=60, required=False)

    def __init__(self, *args, country, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rate"].queryset = FreightRate.objects.filter(country=country)


class OverrideForm(forms.Form):
    amount = LocalizedDecimalField(label=_("Freight (MAD)"), max_digits=12, decimal_places=2)
    port = forms.CharField(label=_("Destination port"), max_length=60, required=False)
    note = forms.CharField(label=_("Note"), max_length=200, required=False)


@method_decorator(staff_member_required, name="dispatch")
class FreightQueueView(ListView):
    """Orders whose sellers pay the main carriage (CIF, DAP, DDP), newest first."""

    template_name = "wholesale/dashboard/freight_queue.html"
    context_object_name = "orders"
    paginate_by = 50

    def get_queryset(self):
        incoterms = [code for code in freight.COVERAGE if freight.needs_freight_quote(code)]
        return (
            WholesaleOrder.objects.filter(request__incoterm__in=incoterms)
            .select_related("company", "request__destination", "freight")
            .order_by("-created_at")
        )


@method_decorator(staff_member_required, name="dispatch")
class FreightOrderView(DetailView):
    template_name = "wholesale/dashboard/freight_order.html"
    context_object_name = "order"
    queryset = WholesaleOrder.objects.select_related("company", "request__destination")

    def get_context_data(self, **kwargs):
        order = self.object
        country = order.request.destination.country
        return {
            **super().get_context_data(**kwargs),
            "rate_form": kwargs.get("rate_form") or RateForm(country=country),
            "override_form": kwargs.get("override_form") or OverrideForm(),
            "cartons": freight.order_cartons(order),
            "volume": freight.cartons_volume(order),
            "suggested_rate": freight.rate_for(country),
            "today": timezone.localdate(),
            **freight.buyer_context(order),
        }

    def post(self, request, pk):
        self.object = order = self.get_object()
        country = order.request.destination.country
        if request.POST.get("action") == "override":
            form = OverrideForm(request.POST)
            if not form.is_valid():
                return self.render_to_response(self.get_context_data(override_form=form))
            data = form.cleaned_data
            call = lambda: freight.override_quote(  # noqa: E731
                order.pk, request.user, data["amount"], data["port"], data["note"]
            )
        else:
            form = RateForm(request.POST, country=country)
            if not form.is_valid():
                return self.render_to_response(self.get_context_data(rate_form=form))
            data = form.cleaned_data
            call = lambda: freight.quote_from_rate(  # noqa: E731
                order.pk, request.user, data["rate"], data["port"]
            )
        try:
            call()
        except FreightError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The freight quote is saved."))
        return redirect("wholesale-dashboard-freight-order", pk=order.pk)
