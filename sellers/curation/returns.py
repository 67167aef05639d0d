"""The curators' returns queue: returns a buyer escalated (the seller refused, or let its
deadline pass), oldest first, and the decision on each: accept or refuse, with a reason; and,
for an accepted return whose seller stays silent, the receipt (which refunds the buyer); or, at
any point before the pieces are back, a refund without their return, with a reason."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from marketplace.core.confirm import confirm_page, is_confirmed
from sellers.curation.views import PAGE_SIZE, CuratorRequired
from sellers.returns import services
from sellers.returns.forms import DecisionForm, NoteForm, PostageForm
from sellers.returns.models import ReturnEvent, ReturnRequest
from sellers.returns.views import detail_context

Status = ReturnRequest.Status


class ReturnQueueView(CuratorRequired, TemplateView):
    template_name = "sellers/curation/returns.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        status = self.request.GET.get("status", Status.ESCALATED)
        if status not in Status.values:
            status = Status.ESCALATED
        counts = dict(
            ReturnRequest.objects.values_list("status").annotate(n=Count("pk")).order_by()
        )
        found = (
            ReturnRequest.objects.filter(status=status)
            .select_related("order", "seller")
            .order_by("escalated_at", "created_at", "pk")
        )
        page = Paginator(found, PAGE_SIZE).get_page(self.request.GET.get("page"))
        ctx.update(
            status=status,
            tabs=[(value, label, counts.get(value, 0)) for value, label in Status.choices],
            page_obj=page,
            paginator=page.paginator,
            returns=list(page.object_list),
        )
        return ctx


class ReturnDecisionView(CuratorRequired, TemplateView):
    template_name = "sellers/curation/return_decision.html"

    def get_return(self):
        return get_object_or_404(
            ReturnRequest.objects.select_related("order", "seller"), pk=self.kwargs["pk"]
        )

    def currency(self, found):
        return services.charged_currency(found.order)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        found = self.get_return()
        ctx.update(detail_context(found))
        ctx.update(
            form=kwargs.get("form") or DecisionForm(),
            postage_form=kwargs.get("postage_form")
            or PostageForm(
                prefix="postage",
                currency=self.currency(found),
                initial={"postage": found.return_postage},
            ),
            refund_form=kwargs.get("refund_form") or NoteForm(prefix="refund"),
            paper_url=reverse("returns:paper", args=[found.pk])
            if found.status in services.ACCEPTED_STATES
            else "",
        )
        return ctx

    def post(self, request, *args, **kwargs):
        found = self.get_return()
        here = reverse("curation:return", args=[found.pk])
        action = request.POST.get("action")
        try:
            if action in ("accept", "refuse"):
                form = DecisionForm(request.POST)
                if not form.is_valid():
                    return self.render_to_response(self.get_context_data(form=form))
                services.decide(
                    found,
                    request.user,
                    action == "accept",
                    form.cleaned_data["note"],
                    postage_paid_by=form.cleaned_data["postage_paid_by"],
                )
                messages.success(
                    request, _("Decision recorded; the buyer and the seller are told.")
                )
            elif action == "refund_without_return":
                form = NoteForm(request.POST, prefix="refund")
                if not form.is_valid():
                    return self.render_to_response(self.get_context_data(refund_form=form))
                services.refund_without_return(found, request.user, form.cleaned_data["note"])
                messages.success(
                    request,
                    _(
                        "The buyer is refunded and keeps the pieces; the buyer and the seller "
                        "are told."
                    ),
                )
            elif action == "postage":
                form = PostageForm(request.POST, prefix="postage", currency=self.currency(found))
                if not form.is_valid():
                    return self.render_to_response(self.get_context_data(postage_form=form))
                services.enter_postage(found, form.cleaned_data["postage"], request.user)
                messages.success(request, _("Return postage recorded."))
            elif action == "receive":
                if not is_confirmed(request):
                    return confirm_page(
                        request,
                        question=_(
                            "Record that the pieces of return %(reference)s are back with the "
                            "seller? A buyer who asked for a refund is refunded at once."
                        )
                        % {"reference": found.reference},
                        button=_("Yes, the pieces are back"),
                        cancel_url=here,
                        carry=("action",),
                        base_template="sellers/curation/base.html",
                    )
                services.confirm_receipt(found, request.user, ReturnEvent.Role.CURATOR)
                messages.success(request, _("Receipt recorded."))
        except services.ReturnError as error:
            messages.error(request, str(error))
        return redirect(here)
