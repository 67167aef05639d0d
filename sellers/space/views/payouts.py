"""What the seller is owed: balance, ledger entries and the statement CSV of a period."""

import datetime

from django.conf import settings
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.views.generic import ListView, View

from sellers.payouts.models import LedgerEntry, Payout
from sellers.payouts.services import balance, statement_csv
from sellers.payouts.statements import statement_pdf
from sellers.space.access import SellerSpaceMixin
from sellers.space.forms import StatementForm


class PayoutView(SellerSpaceMixin, ListView):
    template_name = "seller_space/payouts.html"
    context_object_name = "entries"
    paginate_by = 50

    def get_queryset(self):
        return LedgerEntry.objects.filter(seller=self.seller).select_related("payout")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["balance"] = balance(self.seller)
        context["payouts"] = Payout.objects.filter(seller=self.seller).order_by("-pk")[:24]
        context["hold_days"] = settings.PAYOUT_HOLD_DAYS
        context.setdefault("statement_form", StatementForm.this_month())
        return context


class StatementView(PayoutView):
    """GET date_from, date_to: the seller's statement as a CSV download."""

    def get(self, request, *args, **kwargs):
        form = StatementForm(request.GET)
        if not form.is_valid():
            self.object_list = self.get_queryset()
            context = self.get_context_data(statement_form=form)
            return self.render_to_response(context, status=400)
        date_from, date_to = form.cleaned_data["date_from"], form.cleaned_data["date_to"]
        response = HttpResponse(
            statement_csv(self.seller, date_from, date_to), content_type="text/csv; charset=utf-8"
        )
        filename = f"statement-{self.seller.pk}-{date_from:%Y%m%d}-{date_to:%Y%m%d}.csv"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response


class MonthlyStatementView(SellerSpaceMixin, View):
    """GET month=YYYY-MM: the seller's monthly statement as a PDF, in the seller's language
    (its preferred language, else the page's)."""

    def get(self, request, *args, **kwargs):
        try:
            year, month = (int(part) for part in request.GET.get("month", "").split("-"))
            first = datetime.date(year, month, 1)
        except ValueError:
            raise Http404 from None
        if first > timezone.localdate() or year < 2000:
            raise Http404
        language = self.seller.preferred_language or request.LANGUAGE_CODE
        pdf = statement_pdf(self.seller, year, month, language)
        response = HttpResponse(pdf, content_type="application/pdf")
        filename = f"statement-{self.seller.pk}-{year:04d}-{month:02d}.pdf"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
