"""Dashboard page: upload a rate table CSV (staff with the rate change permission)."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from compliance.models import ImportRegime
from shipping.models import Carrier
from shipping.rate_import import COLUMNS, ImportFailed, import_rates

MAX_CSV_BYTES = 2 * 1024 * 1024


class RateUploadForm(forms.Form):
    file = forms.FileField(label=_("Rate table (CSV)"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_CSV_BYTES:
            raise forms.ValidationError(_("The file is larger than 2 MB."))
        try:
            return upload.read().decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise forms.ValidationError(_("The file must be UTF-8 text.")) from error


@permission_required("shipping.change_rate", login_url="/dashboard/login/")
def rates(request):
    errors = []
    form = RateUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            count = import_rates(form.cleaned_data["file"])
        except ImportFailed as failure:
            errors = failure.errors
        else:
            messages.success(
                request,
                ngettext("%(count)s rate imported.", "%(count)s rates imported.", count)
                % {"count": count},
            )
            return redirect("shipping-dashboard-rates")
    carriers = Carrier.objects.prefetch_related("services", "zones")
    context = {
        "form": form,
        "errors": errors,
        "columns": COLUMNS,
        "carriers": carriers,
        "regimes": ImportRegime.objects.all(),
    }
    return render(request, "shipping/dashboard/rates.html", context)
