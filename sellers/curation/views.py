"""Curators' work: one queue of what waits for them (sellers, certificates and escalated
returns), the sellers by status, and a review page per seller."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView
from oscar.core.loading import get_model

from compliance.certificates.models import Certificate
from marketplace.core.confirm import confirm_page, is_confirmed
from sellers import verification
from sellers.apply.views import document_links
from sellers.curation.forms import DecisionForm
from sellers.permissions import is_curator
from sellers.returns.models import ReturnRequest

Partner = get_model("partner", "Partner")
PAGE_SIZE = 50
# Decisions that shut a seller out: the curator confirms them on a page of their own.
CONFIRM_QUESTIONS = {
    "reject": _("Reject the application of %(seller)s? The applicant is told by email."),
    "suspend": _(
        "Suspend %(seller)s? Their pieces leave the shop at once and they are told by email."
    ),
}


class CuratorRequired(LoginRequiredMixin):
    """Anonymous visitors go to the login page; logged-in non-curators get a 404."""

    login_url = reverse_lazy("customer:login")

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not is_curator(request.user):
            raise Http404
        return super().dispatch(request, *args, **kwargs)


class WorkQueueView(CuratorRequired, TemplateView):
    """Everything waiting for a curator, oldest first: seller applications to review and
    certificates to verify, each with a link to where it is reviewed."""

    template_name = "sellers/curation/todo.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        sellers = (
            Partner.objects.filter(status=Partner.Status.PENDING)
            .select_related("region")
            .order_by("submitted_at", "pk")
        )
        certificates = (
            Certificate.objects.filter(verified_at__isnull=True)
            .select_related("partner")
            .order_by("pk")
        )
        returns = (
            ReturnRequest.objects.filter(status=ReturnRequest.Status.ESCALATED)
            .select_related("order", "seller")
            .order_by("escalated_at", "pk")
        )
        ctx.update(
            sellers=list(sellers[:PAGE_SIZE]),
            sellers_count=sellers.count(),
            certificates=list(certificates[:PAGE_SIZE]),
            certificates_count=certificates.count(),
            returns=list(returns[:PAGE_SIZE]),
            returns_count=returns.count(),
        )
        return ctx


class QueueView(CuratorRequired, TemplateView):
    template_name = "sellers/curation/queue.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        status = self.request.GET.get("status", Partner.Status.PENDING)
        if status not in Partner.Status.values:
            status = Partner.Status.PENDING
        counts = dict(Partner.objects.values_list("status").annotate(n=Count("pk")).order_by())
        sellers = (
            Partner.objects.filter(status=status)
            .select_related("region")
            .order_by("submitted_at", "pk")
        )
        page = Paginator(sellers, PAGE_SIZE).get_page(self.request.GET.get("page"))
        ctx.update(
            status=status,
            tabs=[(value, label, counts.get(value, 0)) for value, label in Partner.Status.choices],
            page_obj=page,
            paginator=page.paginator,
            sellers=list(page.object_list),
        )
        return ctx


class ReviewView(CuratorRequired, FormView):
    template_name = "sellers/curation/review.html"
    form_class = DecisionForm

    def dispatch(self, request, *args, **kwargs):
        self.seller = get_object_or_404(
            Partner.objects.select_related("region").prefetch_related("craft_branches", "users"),
            pk=kwargs["pk"],
        )
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "seller": self.seller}

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx.update(
            seller=self.seller,
            events=list(self.seller.verification_events.select_related("actor")),
            documents=document_links(self.seller),
        )
        return ctx

    def form_valid(self, form):
        action = form.cleaned_data["action"]
        if action in CONFIRM_QUESTIONS and not is_confirmed(self.request):
            return confirm_page(
                self.request,
                question=CONFIRM_QUESTIONS[action] % {"seller": self.seller.display_name},
                button=form.transitions[action].label,
                cancel_url=reverse("curation:review", args=[self.seller.pk]),
                carry=("action", "reason"),
                danger=True,
                base_template="sellers/curation/base.html",
            )
        try:
            verification.apply(
                self.seller,
                form.cleaned_data["action"],
                verification.CURATOR,
                actor=self.request.user,
                reason=form.cleaned_data["reason"],
            )
        except verification.TransitionRefused:
            form.add_error(None, _("This decision is no longer possible: the status changed."))
            return self.form_invalid(form)
        messages.success(self.request, _("Decision recorded; the applicant is told by email."))
        return redirect("curation:review", pk=self.seller.pk)
