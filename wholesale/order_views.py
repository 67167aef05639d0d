"""Wholesale orders: the buyer places one from a request's accepted quotes, follows its
payments and downloads its pro-forma; staff confirm bank transfers as they arrive."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import DetailView, ListView

from marketplace.currency.selection import buyer_currency
from marketplace.security.csp import allow_stripe_js
from wholesale import card, orders, proforma
from wholesale.models import QuoteRequest, WholesaleOrder, WholesalePayment
from wholesale.quote_views import VerifiedBuyerMixin
from wholesale.quotes import QuoteError


class TermsForm(forms.Form):
    deposit_percent = forms.TypedChoiceField(
        label=_("Payment terms"),
        choices=WholesaleOrder.DEPOSIT_CHOICES,
        coerce=int,
        initial=30,
        widget=forms.RadioSelect,
    )


class PlaceOrderView(VerifiedBuyerMixin, View):
    def post(self, request, pk):
        quote_request = get_object_or_404(QuoteRequest, pk=pk, company=self.company)
        form = TermsForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Choose payment terms."))
            return redirect("wholesale:company")
        try:
            order = orders.place_order(
                quote_request.pk, request.user, form.cleaned_data["deposit_percent"]
            )
        except QuoteError as error:
            messages.error(request, str(error))
            return redirect("wholesale:company")
        return redirect("wholesale:order", pk=order.pk)


class OrderDetailView(VerifiedBuyerMixin, DetailView):
    template_name = "wholesale/order_detail.html"
    context_object_name = "order"

    def get_queryset(self):
        return WholesaleOrder.objects.filter(company=self.company).select_related("request")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(proforma.context(self.object))
        context["status"] = orders.status(self.object)
        context.update(self.card_context())
        return context

    def card_context(self):
        """The next payment due, if it can be paid now (a balance waits for its deposit), and
        what it costs by card in the buyer's currency at today's rate."""
        due = next((p for p in self.object.payments.all() if p.paid_at is None), None)
        if due is None or orders.balance_waits_for_deposit(due):
            return {"card_due": None}
        _rate, charge = card.charge_for(due.amount, buyer_currency(self.request))
        return {
            "card_due": due,
            "card_charge": charge,
            "card_shown": card.shown(charge),
            "stripe_publishable_key": settings.STRIPE_PUBLISHABLE_KEY,
            "stripe_js_url": settings.STRIPE_JS_URL,
        }

    def render_to_response(self, context, **kwargs):
        """The order page loads Stripe.js for its card form: Stripe's hosts on this page only."""
        return allow_stripe_js(super().render_to_response(context, **kwargs))


class ProformaView(OrderDetailView):
    def get(self, request, *args, **kwargs):
        order = self.get_object()
        response = HttpResponse(proforma.render_pdf(order), content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="{order.reference}.pdf"'
        return response


@method_decorator(staff_member_required, name="dispatch")
class PaymentQueueView(ListView):
    """Transfers due, oldest first; ``?paid=1`` lists the confirmed ones."""

    template_name = "wholesale/dashboard/payments.html"
    context_object_name = "payments"
    paginate_by = 50

    def get_queryset(self):
        self.paid = self.request.GET.get("paid") == "1"
        return (
            WholesalePayment.objects.filter(paid_at__isnull=not self.paid)
            .annotate(by_card=card.paid_by_card())
            .select_related("order__company", "order__request")
            .order_by("order__created_at", "pk")
        )

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "paid": self.paid}


@method_decorator(staff_member_required, name="dispatch")
class ConfirmPaymentView(View):
    def post(self, request, pk):
        payment = get_object_or_404(WholesalePayment, pk=pk)
        try:
            orders.confirm_payment(
                payment.pk, request.user, request.POST.get("bank_reference", "")[:64]
            )
        except QuoteError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request, _("Transfer recorded for %(order)s.") % {"order": payment.order}
            )
        return redirect("wholesale-dashboard-payments")
