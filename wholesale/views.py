"""Business registration and status (storefront, logged-in users) and the staff review queue
(dashboard, staff only)."""

from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db import IntegrityError
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, ListView, TemplateView

from wholesale.access import company_of
from wholesale.forms import DUPLICATE_NUMBER, CompanyRegistrationForm, ReviewForm
from wholesale.models import Company, WholesaleOrder
from wholesale.services import ReviewRefused, register_company, review_company


class BuyerMixin(LoginRequiredMixin):
    login_url = reverse_lazy("customer:login")


class RegisterView(BuyerMixin, FormView):
    template_name = "wholesale/register.html"
    form_class = CompanyRegistrationForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and company_of(request.user) is not None:
            return redirect("wholesale:company")
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        try:
            register_company(self.request.user, form.cleaned_data)
        except IntegrityError:
            # Two submissions at once (a double click, two tabs), or the same number sent by
            # another user at the same moment: the database's unique constraints decided.
            if company_of(self.request.user) is not None:
                return redirect("wholesale:company")
            form.add_error("number", DUPLICATE_NUMBER)
            return self.form_invalid(form)
        messages.success(
            self.request, _("Your company is registered. We review it within two working days.")
        )
        return redirect("wholesale:company")


class CompanyView(BuyerMixin, TemplateView):
    template_name = "wholesale/company.html"

    def get(self, request, *args, **kwargs):
        self.company = company_of(request.user)
        if self.company is None:
            return redirect("wholesale:register")
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["company"] = self.company
        context["locations"] = self.company.locations.all()
        context["contacts"] = self.company.contacts.select_related("user")
        context["quote_requests"] = (
            self.company.quote_requests.select_related("order")
            .annotate(accepted_quotes=Count("quotes", filter=Q(quotes__status="accepted")))
            .prefetch_related("quotes__seller", "quotes__lines__stockrecord__product")
        )
        context["terms"] = WholesaleOrder.DEPOSIT_CHOICES
        return context


@method_decorator(staff_member_required, name="dispatch")
class ReviewQueueView(ListView):
    template_name = "wholesale/dashboard/queue.html"
    context_object_name = "companies"
    paginate_by = 50

    def get_queryset(self):
        status = self.request.GET.get("status", Company.PENDING)
        if status not in dict(Company.STATUSES):
            status = Company.PENDING
        self.status = status
        return Company.objects.filter(status=status).order_by("created_at")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["status"] = self.status
        context["statuses"] = Company.STATUSES
        return context


@method_decorator(staff_member_required, name="dispatch")
class ReviewView(FormView):
    template_name = "wholesale/dashboard/review.html"
    form_class = ReviewForm

    def dispatch(self, request, *args, **kwargs):
        self.company = get_object_or_404(Company, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["company"] = self.company
        context["contacts"] = self.company.contacts.select_related("user")
        context["locations"] = self.company.locations.all()
        context["reviews"] = self.company.reviews.select_related("reviewer")
        return context

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            review_company(self.company.pk, self.request.user, data["decision"], data["reason"])
        except ReviewRefused:
            messages.error(self.request, _("This company has been reviewed already."))
        else:
            messages.success(self.request, _("Your decision is recorded."))
        return redirect("wholesale-dashboard-review", pk=self.company.pk)
