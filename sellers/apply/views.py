"""Applying to sell: sign up or log in, fill the application, follow it, answer the curator."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse, reverse_lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView, View
from oscar.core.loading import get_model

from sellers import documents, verification
from sellers.apply import uploads
from sellers.apply.forms import ApplicationForm, ResubmitForm
from sellers.permissions import is_member_or_curator

Partner = get_model("partner", "Partner")
DOCUMENT_FIELDS = ("card_scan", "statutes")


class MemberRequired(LoginRequiredMixin):
    login_url = reverse_lazy("customer:login")

    def get_seller(self):
        """The seller in the URL, if the user is one of its members (else 404)."""
        return get_object_or_404(
            self.request.user.partners.select_related("region"), pk=self.kwargs["pk"]
        )


class SellHomeView(TemplateView):
    template_name = "sellers/apply/home.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        user = self.request.user
        ctx["applications"] = list(user.partners.all()) if user.is_authenticated else []
        return ctx


class ApplyView(MemberRequired, uploads.KeepUploadsMixin, FormView):
    template_name = "sellers/apply/form.html"
    form_class = ApplicationForm

    def get_initial(self):
        return {
            "contact_email": self.request.user.email,
            "preferred_language": get_language(),
        }

    @transaction.atomic
    def form_valid(self, form):
        seller = form.save()
        seller.users.add(self.request.user)
        verification.submit(seller, self.request.user)
        uploads.clear(self.request)
        messages.success(self.request, _("Thank you: your application is sent for review."))
        return redirect("sell:status", pk=seller.pk)


class StatusView(MemberRequired, TemplateView):
    template_name = "sellers/apply/status.html"

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        seller = self.get_seller()
        ctx["seller"] = seller
        ctx["events"] = list(seller.verification_events.all())
        ctx["can_answer"] = seller.status == Partner.Status.NEEDS_INFO
        ctx["documents"] = document_links(seller)
        return ctx


class ResubmitView(MemberRequired, uploads.KeepUploadsMixin, FormView):
    """Answer a curator's question: edit the application and send it back for review."""

    template_name = "sellers/apply/form.html"
    form_class = ResubmitForm

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.seller = self.get_seller()
        if self.seller.status != Partner.Status.NEEDS_INFO:
            messages.info(request, _("Your application is not waiting for an answer."))
            return redirect("sell:status", pk=self.seller.pk)
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = self.seller
        return kwargs

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        ctx["seller"] = self.seller
        ctx["question"] = self.seller.verification_events.first()
        return ctx

    @transaction.atomic
    def form_valid(self, form):
        seller = form.save()
        verification.resubmit(seller, self.request.user, reason=form.cleaned_data["answer"])
        uploads.clear(self.request)
        messages.success(self.request, _("Thank you: your answer is sent for review."))
        return redirect("sell:status", pk=seller.pk)


def document_links(seller):
    """(label, url) of the seller's uploaded private documents."""
    return [
        (
            Partner._meta.get_field(name).verbose_name,
            reverse("sell:document", kwargs={"pk": seller.pk, "name": name}),
        )
        for name in DOCUMENT_FIELDS
        if getattr(seller, name)
    ]


class DocumentView(View):
    """A private document, for the seller's own members and curators only (others: 404)."""

    def get(self, request, pk, name):
        if name not in DOCUMENT_FIELDS or not request.user.is_authenticated:
            raise Http404
        seller = get_object_or_404(Partner, pk=pk)
        field_file = getattr(seller, name)
        if not is_member_or_curator(request.user, seller) or not field_file:
            raise Http404
        return documents.document_response(field_file)
