"""The seller's disputed orders, and its evidence for each (sent to Stripe once, before the
date Stripe gives)."""

from django.contrib import messages
from django.db.models import Exists, OuterRef
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.generic import ListView, TemplateView
from oscar.core.loading import get_model

from marketplace.payments import disputes
from marketplace.payments.models import Dispute, DisputeEvidence
from sellers.fulfilment.models import Parcel
from sellers.space.access import SellerSpaceMixin
from sellers.space.forms import EvidenceForm

Line = get_model("order", "Line")


def seller_disputes(seller):
    """Disputes of orders holding at least one of the seller's lines."""
    has_lines = Line.objects.filter(order=OuterRef("order"), partner=seller)
    return (
        Dispute.objects.filter(Exists(has_lines))
        .select_related("order")
        .annotate(
            answered=Exists(DisputeEvidence.objects.filter(dispute=OuterRef("pk"), seller=seller))
        )
    )


class DisputeListView(SellerSpaceMixin, ListView):
    template_name = "seller_space/dispute_list.html"
    context_object_name = "disputes"
    paginate_by = 20

    def get_queryset(self):
        return seller_disputes(self.seller).order_by("-created_at", "-pk")


class DisputeDetailView(SellerSpaceMixin, TemplateView):
    template_name = "seller_space/dispute_detail.html"

    def get_dispute(self):
        return get_object_or_404(seller_disputes(self.seller), pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        dispute = kwargs.get("dispute") or self.get_dispute()
        parcel = (
            Parcel.objects.filter(order_id=dispute.order_id, partner=self.seller)
            .select_related("service__carrier")
            .first()
        )
        refusal = disputes.can_submit(dispute, self.seller)
        context.update(
            {
                "dispute": dispute,
                "parcel": parcel,
                "lines": dispute.order.lines.filter(partner=self.seller).order_by("pk"),
                "evidence": dispute.evidence.filter(seller=self.seller).first(),
                "refusal": refusal,
                "form": kwargs.get("form")
                or (None if refusal else EvidenceForm.for_parcel(parcel)),
            }
        )
        return context

    def post(self, request, *args, **kwargs):
        dispute = self.get_dispute()
        form = EvidenceForm(request.POST, request.FILES)
        if not form.is_valid():
            context = self.get_context_data(dispute=dispute, form=form)
            return self.render_to_response(context, status=400)
        data, files = form.evidence()
        try:
            disputes.submit_evidence(dispute, self.seller, request.user, data, files)
        except disputes.EvidenceError as error:
            messages.error(request, str(error))
            return redirect("seller_space:dispute", pk=dispute.pk)
        messages.success(request, _("Your evidence has been sent."))
        return redirect("seller_space:dispute", pk=dispute.pk)
