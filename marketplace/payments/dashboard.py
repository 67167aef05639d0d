"""Refunds from the dashboard order page: the whole order, or chosen seller lines."""

from django import forms
from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from oscar.core.loading import get_model

from marketplace.payments import refunds
from marketplace.payments.models import CheckoutPayment

Order = get_model("order", "Order")


class RefundForm(forms.Form):
    scope = forms.ChoiceField(
        choices=[("lines", gettext_lazy("Selected lines")), ("order", gettext_lazy("Whole order"))]
    )
    lines = forms.ModelMultipleChoiceField(queryset=None, required=False)
    parcels = forms.TypedMultipleChoiceField(coerce=int, required=False)

    def __init__(self, *args, order, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lines"].queryset = order.lines.exclude(refunds__isnull=False)
        self.fields["parcels"].choices = [
            (parcel.partner_id, str(parcel.partner_id))
            for parcel in order.parcels.filter(shipping_refunded_at__isnull=True)
        ]

    def clean(self):
        data = super().clean()
        if data.get("scope") == "lines" and not (data.get("lines") or data.get("parcels")):
            raise forms.ValidationError(_("Choose the lines to refund."))
        return data


@staff_member_required(login_url="customer:login")
@transaction.non_atomic_requests
def refund_view(request, number):
    order = get_object_or_404(Order, number=number)
    payment = get_object_or_404(CheckoutPayment, order=order)
    form = RefundForm(request.POST or None, order=order)
    if request.method == "POST" and form.is_valid():
        try:
            if form.cleaned_data["scope"] == "order":
                rows = refunds.refund_order(order, user=request.user)
            else:
                rows = refunds.refund_lines(
                    order,
                    list(form.cleaned_data["lines"]),
                    request.user,
                    parcels=form.cleaned_data["parcels"],
                )
        except refunds.RefundError as error:
            messages.error(request, str(error))
        else:
            total = sum(row.amount for row in rows)
            messages.success(
                request,
                _("Refunded %(amount)s %(currency)s.")
                % {"amount": total, "currency": payment.currency},
            )
            return redirect("dashboard:order-detail", number=order.number)
    context = {
        "order": order,
        "payment": payment,
        "form": form,
        "lines": order.lines.select_related("partner").prefetch_related("refunds"),
        "refunds": payment.refunds.select_related("line"),
        "parcel_offers": refunds.parcel_refund_offers(order),
    }
    return render(request, "payments/dashboard/refund.html", context)
