"""Staff pages for payouts (under /dashboard/payouts/): what is available per seller, payout
runs, their bank files, and marking a run paid. For staff who may pay sellers
(``permissions.can_pay_sellers``)."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import user_passes_test
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from oscar.core.loading import get_model

from sellers.payouts import bank_files, runs
from sellers.payouts.models import PayoutRun
from sellers.payouts.permissions import can_pay_sellers

staff_only = user_passes_test(can_pay_sellers, login_url="customer:login")


class RunForm(forms.Form):
    execution_date = forms.DateField(
        label=gettext_lazy("Requested execution date"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def clean_execution_date(self):
        value = self.cleaned_data["execution_date"]
        if value < timezone.localdate():
            raise forms.ValidationError(_("The execution date cannot be in the past."))
        return value


class RunFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=gettext_lazy("Status"),
        required=False,
        choices=[
            ("", gettext_lazy("All")),
            ("unpaid", gettext_lazy("Not paid yet")),
            ("paid", gettext_lazy("Paid")),
        ],
    )
    seller = forms.ModelChoiceField(
        label=gettext_lazy("Seller"),
        required=False,
        queryset=get_model("partner", "Partner").objects.filter(payouts__isnull=False).distinct(),
    )

    def filter(self, found):
        if not self.is_valid():
            return found
        status, seller = self.cleaned_data.get("status"), self.cleaned_data.get("seller")
        if status == "paid":
            found = found.filter(paid_at__isnull=False)
        elif status == "unpaid":
            found = found.filter(paid_at__isnull=True)
        if seller is not None:
            found = found.filter(payouts__seller=seller)
        return found


@staff_only
def run_list(request):
    payable, blocked = runs.payable_sellers()
    form = RunForm(request.POST or None, initial={"execution_date": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        run = runs.create_run(request.user, form.cleaned_data["execution_date"])
        if run is None:
            messages.info(request, _("No seller has money available for a payout."))
            return redirect("payouts-dashboard:runs")
        messages.success(request, _("Payout run %(reference)s created.") % {"reference": run})
        return redirect("payouts-dashboard:run", pk=run.pk)
    filters = RunFilterForm(request.GET or None)
    context = {
        "runs": filters.filter(PayoutRun.objects.all())[:100],
        "payable": payable,
        "blocked": blocked,
        "form": form,
        "filters": filters,
    }
    return render(request, "payouts/dashboard/run_list.html", context)


@staff_only
def run_detail(request, pk):
    run = get_object_or_404(PayoutRun, pk=pk)
    payouts = run.payouts.select_related("seller").order_by("pk")
    return render(request, "payouts/dashboard/run_detail.html", {"run": run, "payouts": payouts})


def _download(content, content_type, filename):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@staff_only
def run_csv(request, pk):
    run = get_object_or_404(PayoutRun, pk=pk)
    return _download(bank_files.batch_csv(run), "text/csv; charset=utf-8", f"{run}.csv")


@staff_only
def run_pain001(request, pk):
    run = get_object_or_404(PayoutRun, pk=pk)
    return _download(bank_files.pain001(run), "application/xml", f"{run}.pain.001.001.03.xml")


@staff_only
@require_POST
def run_mark_paid(request, pk):
    run = get_object_or_404(PayoutRun, pk=pk)
    already = run.paid_at is not None
    runs.mark_paid(run, request.user)
    if already:
        messages.info(request, _("This payout run was already marked paid."))
    else:
        messages.success(request, _("Payout run %(reference)s marked paid.") % {"reference": run})
    return redirect("payouts-dashboard:run", pk=run.pk)
