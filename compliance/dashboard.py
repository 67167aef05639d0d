"""Dashboard pages where staff list, create and edit destination rules, import regimes and duty
rates, each with its validity dates; every save records a ``RuleChange`` (who, when, each field
before and after). Saving goes through the model's ``save``, so the cache invalidation table
(``marketplace.core.invalidation``: the RULES version) refreshes the pages that show them."""

from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import UserPassesTestMixin
from django.db import transaction
from django.http import Http404
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import CreateView, ListView, UpdateView

from compliance.certificates.models import DestinationRule
from compliance.models import DutyRate, ImportRegime, RuleChange
from compliance.permissions import can_edit
from marketplace.core.forms import localized_formfield


@dataclass(frozen=True)
class Table:
    slug: str
    model: type
    title: str
    columns: tuple

    @property
    def label(self):
        return self.model._meta.label

    def permission(self, action):
        meta = self.model._meta
        return f"{meta.app_label}.{action}_{meta.model_name}"


TABLES = {
    table.slug: table
    for table in (
        Table(
            "destination-rules",
            DestinationRule,
            _("Destination rules"),
            (
                "destination",
                "product_kind",
                "certificate_type",
                "valid_from",
                "valid_to",
                "legal_source",
            ),
        ),
        Table(
            "import-regimes",
            ImportRegime,
            _("Import regimes"),
            ("country", "currency", "tax_name", "tax_rate", "valid_from", "valid_to"),
        ),
        Table(
            "duty-rates",
            DutyRate,
            _("Duty rates"),
            ("country", "hs_prefix", "rate", "valid_from", "valid_to"),
        ),
    )
}


class DatedForm(forms.ModelForm):
    """Every field of the row; the validity ends no earlier than it starts."""

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("valid_from"), cleaned.get("valid_to")
        if start and end and end < start:
            self.add_error("valid_to", _("The validity cannot end before it starts."))
        return cleaned


def form_for(model):
    def formfield(field, **kwargs):
        if field.get_internal_type() == "DateField":
            kwargs["widget"] = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
        return localized_formfield(field, **kwargs)

    return forms.modelform_factory(
        model, form=DatedForm, exclude=["id"], formfield_callback=formfield
    )


def shown(value):
    return "" if value is None else str(value)


def record(form, user, created):
    """The ``RuleChange`` of a saved form: every filled field of a new row, or each changed
    field of an edited one, as [before, after]."""
    instance = form.instance
    if created:
        changes = {
            name: [None, shown(form.cleaned_data[name])]
            for name in form.fields
            if form.cleaned_data.get(name) not in (None, "")
        }
    else:
        changes = {
            name: [shown(form.initial.get(name)), shown(form.cleaned_data[name])]
            for name in form.changed_data
        }
    return RuleChange.objects.create(
        model=instance._meta.label,
        object_id=instance.pk,
        object_repr=str(instance)[:200],
        action=RuleChange.Action.CREATED if created else RuleChange.Action.CHANGED,
        changes=changes,
        user=user,
        user_repr=(user.get_full_name() or user.email or user.get_username())[:200],
    )


class TableMixin(UserPassesTestMixin):
    action = "change"
    login_url = "/dashboard/login/"

    def dispatch(self, request, *args, **kwargs):
        self.table = TABLES.get(kwargs["table"])
        if self.table is None:
            raise Http404
        self.model = self.table.model
        return super().dispatch(request, *args, **kwargs)

    def test_func(self):
        return can_edit(self.request.user, self.table.permission(self.action))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["table"] = self.table
        return context


class RuleList(TableMixin, ListView):
    template_name = "compliance/dashboard/list.html"
    paginate_by = 100

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["rows"] = [
            (row, [shown(getattr(row, column)) for column in self.table.columns])
            for row in context["object_list"]
        ]
        context["headers"] = [
            self.model._meta.get_field(column).verbose_name for column in self.table.columns
        ]
        context["changes"] = RuleChange.objects.filter(model=self.table.label)[:20]
        return context


class EditMixin(TableMixin):
    template_name = "compliance/dashboard/edit.html"

    def get_form_class(self):
        return form_for(self.model)

    def form_valid(self, form):
        created = form.instance.pk is None
        with transaction.atomic():
            self.object = form.save()
            record(form, self.request.user, created)
        messages.success(self.request, _("Saved: %(object)s") % {"object": self.object})
        return super().form_valid(form)

    def get_success_url(self):
        return reverse("compliance-dashboard-list", args=[self.table.slug])


class RuleCreate(EditMixin, CreateView):
    action = "add"


class RuleUpdate(EditMixin, UpdateView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["changes"] = RuleChange.objects.filter(
            model=self.table.label, object_id=self.object.pk
        )
        return context


urlpatterns = [
    path("<slug:table>/", RuleList.as_view(), name="compliance-dashboard-list"),
    path("<slug:table>/new/", RuleCreate.as_view(), name="compliance-dashboard-create"),
    path("<slug:table>/<int:pk>/", RuleUpdate.as_view(), name="compliance-dashboard-edit"),
]
