"""The operator's pages in the dashboard (under /dashboard/payouts/): the disputes queue with
its filters, and the monthly totals, which link to every queue the operator may open.

``QUEUES`` lists those queues (label, URL name, who may open it): a new queue (returns) adds
itself there and shows on the totals page.
"""

import datetime

from django import forms
from django.contrib.auth.decorators import user_passes_test
from django.db.models import Exists, OuterRef, Prefetch
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from marketplace.payments.models import Dispute, DisputeEvidence
from sellers.payouts import totals
from sellers.payouts.permissions import can_pay_sellers, can_review_disputes, can_see_totals
from sellers.permissions import is_curator

Line = get_model("order", "Line")
Partner = get_model("partner", "Partner")

QUEUES = [
    (_("Payout runs"), "payouts-dashboard:runs", can_pay_sellers),
    (_("Disputes"), "payouts-dashboard:disputes", can_review_disputes),
    (_("Returns"), "curation:returns", is_curator),
]


class DisputeFilterForm(forms.Form):
    OPEN = "open"
    OVERDUE, SOON = "overdue", "soon"
    SOON_DAYS = 3

    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All")), (OPEN, _("Open")), *Dispute.Status.choices],
    )
    due = forms.ChoiceField(
        label=_("Evidence due"),
        required=False,
        choices=[
            ("", _("Any time")),
            (OVERDUE, _("Date passed, no evidence sent")),
            (SOON, _("Within 3 days")),
        ],
    )
    seller = forms.ModelChoiceField(
        label=_("Seller"), required=False, queryset=Partner.objects.order_by("name")
    )

    def filter(self, disputes):
        if not self.is_valid():
            return disputes
        status, due, seller = (self.cleaned_data.get(name) for name in ("status", "due", "seller"))
        now = timezone.now()
        if status == self.OPEN:
            disputes = disputes.filter(status__in=Dispute.OPEN)
        elif status:
            disputes = disputes.filter(status=status)
        if due == self.OVERDUE:
            disputes = disputes.filter(evidence_due_by__lt=now, evidence_submitted_at__isnull=True)
        elif due == self.SOON:
            disputes = disputes.filter(
                evidence_due_by__gte=now,
                evidence_due_by__lt=now + datetime.timedelta(days=self.SOON_DAYS),
            )
        if seller is not None:
            disputes = disputes.filter(
                Exists(Line.objects.filter(order=OuterRef("order"), partner=seller))
            )
        return disputes


@user_passes_test(can_review_disputes, login_url="customer:login")
def dispute_list(request):
    form = DisputeFilterForm(request.GET or None)
    disputes = (
        form.filter(Dispute.objects.all())
        .select_related("order")
        .prefetch_related(
            Prefetch(
                "order__lines",
                queryset=Line.objects.select_related("partner").order_by("pk"),
            ),
            Prefetch("evidence", queryset=DisputeEvidence.objects.only("dispute", "seller")),
        )
    )
    rows = []
    for dispute in disputes.order_by("evidence_due_by", "-pk")[:200]:
        sellers = {line.partner for line in dispute.order.lines.all() if line.partner_id}
        answered = {row.seller_id for row in dispute.evidence.all()}
        rows.append(
            {
                "dispute": dispute,
                "sellers": sorted(sellers, key=lambda seller: seller.name),
                "answered": len(answered),
            }
        )
    return render(request, "payouts/dashboard/dispute_list.html", {"form": form, "rows": rows})


@user_passes_test(can_see_totals, login_url="customer:login")
def monthly_totals(request):
    this_year = timezone.localdate().year
    try:
        year = int(request.GET.get("year", this_year))
    except ValueError:
        year = this_year
    year = min(max(year, 2000), this_year)
    months, total = totals.monthly_totals(year)
    queues = [
        (label, reverse(url_name)) for label, url_name, allowed in QUEUES if allowed(request.user)
    ]
    context = {
        "year": year,
        "years": range(this_year, max(this_year - 5, 1999), -1),
        "months": months,
        "total": total,
        "queues": queues,
    }
    return render(request, "payouts/dashboard/totals.html", context)
