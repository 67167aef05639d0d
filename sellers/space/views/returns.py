"""The seller's returns: its policy, the return requests of its pieces, and the seller's answers
(accept, refuse with a reason, confirm the pieces are back, send a replacement)."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, ListView, TemplateView

from marketplace.core.confirm import confirm_page, is_confirmed
from sellers.returns import services
from sellers.returns.forms import NoteForm, OptionalNoteForm, ReturnPolicyForm
from sellers.returns.models import ReturnRequest
from sellers.returns.policy import policy_for
from sellers.returns.views import detail_context
from sellers.space.access import SellerSpaceMixin


class ReturnListView(SellerSpaceMixin, ListView):
    template_name = "seller_space/return_list.html"
    context_object_name = "returns"
    paginate_by = 30

    def get_queryset(self):
        found = ReturnRequest.objects.filter(seller=self.seller).select_related("order")
        status = self.request.GET.get("status")
        if status in ReturnRequest.Status.values:
            found = found.filter(status=status)
        return found

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["statuses"] = ReturnRequest.Status.choices
        context["current_status"] = self.request.GET.get("status", "")
        context["policy"] = policy_for(self.seller)
        return context


class ReturnDetailView(SellerSpaceMixin, TemplateView):
    template_name = "seller_space/return_detail.html"

    def get_return(self):
        return get_object_or_404(
            ReturnRequest.objects.select_related("order", "seller"),
            pk=self.kwargs["pk"],
            seller=self.seller,
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        found = self.get_return()
        context.update(detail_context(found))
        context.update(
            accept_form=OptionalNoteForm(prefix="accept"),
            refuse_form=kwargs.get("refuse_form") or NoteForm(prefix="refuse"),
            paper_url=reverse("returns:paper", args=[found.pk])
            if found.status in services.ACCEPTED_STATES
            else "",
        )
        return context

    def post(self, request, *args, **kwargs):
        found = self.get_return()
        action = request.POST.get("action")
        here = reverse("seller_space:return", args=[found.pk])
        try:
            if action == "accept":
                form = OptionalNoteForm(request.POST, prefix="accept")
                note = form.cleaned_data["note"] if form.is_valid() else ""
                services.accept(found, request.user, note)
                messages.success(
                    request, _("Return accepted: the buyer is told how to send the pieces back.")
                )
            elif action == "refuse":
                form = NoteForm(request.POST, prefix="refuse")
                if not form.is_valid():
                    return self.render_to_response(self.get_context_data(refuse_form=form))
                services.refuse(found, request.user, form.cleaned_data["note"])
                messages.success(request, _("Return refused: the buyer is told why."))
            elif action == "receive":
                if not is_confirmed(request):
                    return confirm_page(
                        request,
                        question=_(
                            "Confirm you received the pieces of return %(reference)s? A buyer "
                            "who asked for a refund is refunded at once, and the refund is "
                            "debited from your payouts."
                        )
                        % {"reference": found.reference},
                        button=_("Yes, the pieces are back"),
                        cancel_url=here,
                        carry=("action",),
                        base_template="seller_space/base.html",
                        context={"seller": self.seller, "several_sellers": self.several_sellers},
                    )
                found = services.confirm_receipt(found, request.user)
                if found.status == ReturnRequest.Status.REFUNDED:
                    messages.success(request, _("Receipt confirmed; the buyer is refunded."))
                else:
                    messages.success(request, _("Receipt confirmed."))
            elif action == "replace":
                services.send_replacement(found, request.user)
                messages.success(request, _("The buyer is told the replacement is on its way."))
        except services.ReturnError as error:
            messages.error(request, str(error))
        return redirect(here)


class ReturnPolicyView(SellerSpaceMixin, FormView):
    template_name = "seller_space/return_policy.html"
    form_class = ReturnPolicyForm

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = policy_for(self.seller)
        return kwargs

    def form_valid(self, form):
        policy = form.save(commit=False)
        policy.seller = self.seller
        policy.save()
        messages.success(self.request, _("Returns policy saved."))
        return redirect("seller_space:return-policy")
