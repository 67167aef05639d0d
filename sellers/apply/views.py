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
from sellers.apply import progress, review, steps, uploads
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
        ctx["in_progress"] = user.is_authenticated and progress.of(user) is not None
        return ctx


class ApplyView(MemberRequired, View):
    """The application's address: resume at the step last shown, else start with the kind."""

    def get(self, request):
        current = progress.of(request.user)
        slug = current.step if current and current.step in steps.BY_SLUG else steps.KIND
        return redirect("sell:apply-step", step=slug)


class StepView(MemberRequired, TemplateView):
    """One step of the application: plain forms posted to the server, saved at each step.

    "Next" checks the step and moves on when it is right; "Back" keeps what was typed (and the
    valid files) and goes back; either way nothing typed is lost.
    """

    template_name = "sellers/apply/step.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.step = steps.BY_SLUG.get(kwargs["step"])
        if self.step is None:
            raise Http404
        self.progress = progress.of(request.user)
        self.kind = self.progress.kind if self.progress else ""
        if self.step.slug != steps.KIND and not self.kind:
            return redirect("sell:apply-step", step=steps.KIND)
        if self.step.slug == steps.REVIEW:
            self.template_name = "sellers/apply/review.html"
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        progress.remember_step(self.progress, self.step.slug)
        if self.step.slug == steps.REVIEW:
            form = progress.whole_form(self.progress)
            form.is_valid()
            return self.render_to_response(self.get_context_data(form=form))
        return self.render_to_response(self.get_context_data(form=self.step_form()))

    def post(self, request, *args, **kwargs):
        if self.step.slug == steps.REVIEW:
            return self.send()
        files = uploads.completed(request.FILES, progress.drafts(self.progress))
        form = self.step_form(data=request.POST, files=files)
        form.is_valid()
        self.progress, not_kept = progress.save_step(request.user, form, request.FILES)
        for name in not_kept:
            form.add_error(name, uploads.not_kept_message(request.FILES[name]))
        back = steps.previous(self.step) if "back" in request.POST else None
        target = back or (None if form.errors else steps.following(self.step))
        if target is None:
            progress.remember_step(self.progress, self.step.slug)
            self.kind = self.progress.kind
            uploads.label_received(form, progress.drafts(self.progress))
            return self.render_to_response(self.get_context_data(form=form))
        progress.remember_step(self.progress, target.slug)
        return redirect("sell:apply-step", step=target.slug)

    def step_form(self, **kwargs):
        if "data" not in kwargs:
            kwargs["initial"] = self.initial()
        form = ApplicationForm(kind=self.kind or None, only=self.step.fields(self.kind), **kwargs)
        return uploads.label_received(form, progress.drafts(self.progress))

    def initial(self):
        values = {
            "contact_email": self.request.user.email,
            "preferred_language": get_language(),
            "kind": None,
        }
        if self.progress:
            values.update(
                (name, value) for name, value in self.progress.values.items() if value is not None
            )
            values["kind"] = self.progress.kind or None
        return values

    @transaction.atomic
    def send(self):
        if not progress.lock(self.progress):  # sent meanwhile (a double tap, another tab)
            return redirect("sell:home")
        form = progress.whole_form(self.progress)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        seller = form.save()
        seller.users.add(self.request.user)
        verification.submit(seller, self.request.user)
        progress.clear(self.progress)
        messages.success(self.request, _("Thank you: your application is sent for review."))
        return redirect("sell:status", pk=seller.pk)

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        form = ctx["form"]
        ctx["step"] = self.step
        ctx["step_number"] = steps.number(self.step)
        ctx["step_count"] = len(steps.STEPS)
        ctx["steps"] = [
            {"number": number, "title": step.title, "current": step == self.step}
            for number, step in enumerate(steps.STEPS, start=1)
        ]
        ctx["previous"] = steps.previous(self.step)
        ctx["error_links"] = error_links(form, self.link_for, self.field_order())
        if self.step.slug == steps.REVIEW:
            ctx["sections"] = review.sections(form, self.kind, progress.drafts(self.progress))
        return ctx

    def field_order(self):
        return [name for step in steps.STEPS for name in step.fields(self.kind)]

    def link_for(self, bound_field):
        """Where an error of ``bound_field`` is corrected: here, or on the step that asks it."""
        if self.step.slug != steps.REVIEW:
            return f"#{bound_field.auto_id}"
        step = steps.step_of(bound_field.name, self.kind)
        url = reverse("sell:apply-step", kwargs={"step": step.slug})
        return f"{url}#{bound_field.auto_id}"


def error_links(form, link_for, order=()):
    """(href, label, message) of each error, for the summary at the top of the page; fields in
    ``order`` (the steps' order) first."""
    links = [("", "", error) for error in form.non_field_errors()]
    names = [name for name in order if name in form.fields]
    names += [name for name in form.fields if name not in names]
    for bound_field in (form[name] for name in names):
        links += [(link_for(bound_field), bound_field.label, error) for error in bound_field.errors]
    return links


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
        ctx["error_links"] = error_links(ctx["form"], lambda field: f"#{field.auto_id}")
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
