"""Dashboard pages editing carriers, services, zones and rate brackets (staff with the
shipping change permissions). The CSV upload stays in shipping/dashboard.py."""

from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import UserPassesTestMixin
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse, reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views.generic import CreateView, TemplateView, UpdateView

from marketplace.core.countries import is_country_code, parse_country_list
from marketplace.core.forms import localized_formfield
from shipping.models import Carrier, Rate, Service, Zone


class CarrierForm(forms.ModelForm):
    class Meta:
        model = Carrier
        fields = ["code", "name", "tracking_url_template"]

    def clean_tracking_url_template(self):
        template = self.cleaned_data["tracking_url_template"]
        if template and "{number}" not in template:
            raise forms.ValidationError(_("Put {number} where the tracking number goes."))
        return template


class ServiceForm(forms.ModelForm):
    class Meta:
        model = Service
        fields = [
            "carrier",
            "code",
            "name",
            "is_postal",
            "bills_volumetric_weight",
            "volumetric_divisor",
            "ddp_available",
            "transit_days_min",
            "transit_days_max",
            "max_weight_kg",
            "max_length_cm",
            "max_value",
            "is_active",
        ]
        formfield_callback = localized_formfield

    def clean(self):
        cleaned = super().clean()
        low, high = cleaned.get("transit_days_min"), cleaned.get("transit_days_max")
        if low is not None and high is not None and low > high:
            self.add_error(
                "transit_days_max", _("The longest transit cannot be shorter than the shortest.")
            )
        return cleaned


class ZoneForm(forms.ModelForm):
    class Meta:
        model = Zone
        fields = ["carrier", "code", "name", "countries"]

    def clean_countries(self):
        codes = parse_country_list(self.cleaned_data["countries"])
        if not codes:
            raise forms.ValidationError(_("Enter at least one country."))
        wrong = [code for code in codes if not is_country_code(code)]
        if wrong:
            raise forms.ValidationError(
                _("Not two-letter ISO country codes: %(codes)s") % {"codes": ", ".join(wrong)}
            )
        return ",".join(codes)


class RateForm(forms.ModelForm):
    class Meta:
        model = Rate
        fields = ["max_weight_kg", "price"]
        formfield_callback = localized_formfield

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["max_weight_kg"].error_messages["min_value"] = _(
            "The weight must be greater than 0 kg."
        )
        self.fields["price"].error_messages["min_value"] = _("The price cannot be negative.")
        self.fields["price"].widget.unit = "MAD"


class BaseRateFormSet(forms.BaseModelFormSet):
    """A service's brackets to one zone: each covers (previous bracket, its weight]."""

    def clean(self):
        super().clean()
        seen = set()
        for form in self.forms:
            if not form.has_changed() and form.instance.pk is None:
                continue
            if self.can_delete and self._should_delete_form(form):
                continue
            weight = form.cleaned_data.get("max_weight_kg")
            if weight is None:
                continue
            if weight in seen:
                raise forms.ValidationError(
                    _("Two brackets end at %(weight)s kg: brackets must not overlap.")
                    % {"weight": weight}
                )
            seen.add(weight)


RateFormSet = forms.modelformset_factory(
    Rate, form=RateForm, formset=BaseRateFormSet, extra=3, can_delete=True
)


class ShippingStaffMixin(UserPassesTestMixin):
    """Staff holding the change permission of the model the page edits."""

    permission = "shipping.change_carrier"
    login_url = "/dashboard/login/"

    def test_func(self):
        user = self.request.user
        return user.is_staff and user.has_perm(self.permission)


class TablesView(ShippingStaffMixin, TemplateView):
    template_name = "shipping/dashboard/tables.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["carriers"] = Carrier.objects.prefetch_related("services", "zones")
        return context


class EditMixin(ShippingStaffMixin):
    template_name = "shipping/dashboard/edit.html"
    success_url = reverse_lazy("shipping-dashboard-tables")

    def form_valid(self, form):
        messages.success(self.request, _("Saved: %(object)s") % {"object": form.instance})
        return super().form_valid(form)

    def get_initial(self):
        initial = super().get_initial()
        if "carrier" in self.request.GET:
            initial["carrier"] = self.request.GET["carrier"]
        return initial


class CarrierCreate(EditMixin, CreateView):
    model, form_class, permission = Carrier, CarrierForm, "shipping.add_carrier"


class CarrierUpdate(EditMixin, UpdateView):
    model, form_class, permission = Carrier, CarrierForm, "shipping.change_carrier"


class ServiceCreate(EditMixin, CreateView):
    model, form_class, permission = Service, ServiceForm, "shipping.add_service"


class ServiceUpdate(EditMixin, UpdateView):
    model, form_class, permission = Service, ServiceForm, "shipping.change_service"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["zones"] = self.object.carrier.zones.all()
        return context


class ZoneCreate(EditMixin, CreateView):
    model, form_class, permission = Zone, ZoneForm, "shipping.add_zone"


class ZoneUpdate(EditMixin, UpdateView):
    model, form_class, permission = Zone, ZoneForm, "shipping.change_zone"


class RatesView(ShippingStaffMixin, TemplateView):
    """Edit the weight brackets of one service to one zone of the same carrier."""

    template_name = "shipping/dashboard/rate_brackets.html"
    permission = "shipping.change_rate"

    def dispatch(self, request, *args, **kwargs):
        self.service = get_object_or_404(Service.objects.select_related("carrier"), pk=kwargs["pk"])
        self.zone = get_object_or_404(
            Zone, pk=kwargs["zone_pk"], carrier_id=self.service.carrier_id
        )
        return super().dispatch(request, *args, **kwargs)

    def formset(self):
        queryset = Rate.objects.filter(service=self.service, zone=self.zone)
        return RateFormSet(self.request.POST or None, queryset=queryset)

    def get(self, request, *args, **kwargs):
        return self.page(self.formset())

    def post(self, request, *args, **kwargs):
        formset = self.formset()
        if not formset.is_valid():
            return self.page(formset)
        with transaction.atomic():
            changed = formset.save(commit=False)
            for rate in formset.deleted_objects:  # first, so a bracket may be replaced
                rate.delete()
            for rate in changed:
                rate.service, rate.zone = self.service, self.zone
                rate.save()
        messages.success(request, _("Rates saved."))
        return redirect(
            reverse("shipping-dashboard-rate-brackets", args=[self.service.pk, self.zone.pk])
        )

    def page(self, formset):
        context = {"formset": formset, "service": self.service, "zone": self.zone}
        return render(self.request, self.template_name, context)


urlpatterns = [
    path("", TablesView.as_view(), name="shipping-dashboard-tables"),
    path("carriers/new/", CarrierCreate.as_view(), name="shipping-dashboard-carrier-create"),
    path("carriers/<int:pk>/", CarrierUpdate.as_view(), name="shipping-dashboard-carrier"),
    path("services/new/", ServiceCreate.as_view(), name="shipping-dashboard-service-create"),
    path("services/<int:pk>/", ServiceUpdate.as_view(), name="shipping-dashboard-service"),
    path(
        "services/<int:pk>/zones/<int:zone_pk>/rates/",
        RatesView.as_view(),
        name="shipping-dashboard-rate-brackets",
    ),
    path("zones/new/", ZoneCreate.as_view(), name="shipping-dashboard-zone-create"),
    path("zones/<int:pk>/", ZoneUpdate.as_view(), name="shipping-dashboard-zone"),
]
