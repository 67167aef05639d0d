"""Sellers upload certificates; curators verify them; documents only through these views."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from compliance.certificates.lots import LOT_CODE, normalise_lot
from compliance.certificates.models import Certificate, ExportProfile
from marketplace.core.confirm import confirm_page, is_confirmed
from sellers.permissions import is_curator, is_member_or_curator, space_context

Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")


class CertificateForm(forms.ModelForm):
    class Meta:
        model = Certificate
        fields = [
            "type",
            "standard",
            "lab",
            "accreditation",
            "issued_on",
            "expires_on",
            "results",
            "document",
            "products",
            "lot_codes",
        ]
        widgets = {
            "issued_on": forms.DateInput(attrs={"type": "date"}),
            "expires_on": forms.DateInput(attrs={"type": "date"}),
            "products": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, partner, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.partner = partner
        self.fields["products"].queryset = Product.objects.filter(
            stockrecords__partner=partner
        ).order_by("title")

    def clean(self):
        data = super().clean()
        issued, expires = data.get("issued_on"), data.get("expires_on")
        if issued and expires and expires < issued:
            self.add_error("expires_on", _("The expiry date comes after the issue date."))
        return data


def _member_partner(request, partner_pk):
    partner = get_object_or_404(Partner, pk=partner_pk)
    if not is_member_or_curator(request.user, partner):
        raise Http404
    return partner


@login_required
def seller_certificates(request, partner_pk):
    """A seller's certificates and the upload form."""
    partner = _member_partner(request, partner_pk)
    form = CertificateForm(request.POST or None, request.FILES or None, partner=partner)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Certificate uploaded: a curator will verify it."))
        return redirect("certificates:seller", partner_pk=partner.pk)
    certificates = partner.certificates.prefetch_related("products").select_related("verified_by")
    context = {
        **space_context(request, partner),
        "partner": partner,
        "form": form,
        "certificates": certificates,
        "can_verify": is_curator(request.user),
    }
    return render(request, "certificates/seller_certificates.html", context)


@login_required
def document(request, pk):
    certificate = get_object_or_404(Certificate.objects.select_related("partner"), pk=pk)
    _member_partner(request, certificate.partner_id)
    if getattr(certificate.document.storage, "bucket_name", None):
        return HttpResponseRedirect(certificate.document.url)
    name = certificate.document.name.rsplit("/", 1)[-1]
    return FileResponse(certificate.document.open("rb"), as_attachment=True, filename=name)


@login_required
def verify(request, pk):
    """A curator verifies a certificate, once confirmed (GET: the question); others: 404."""
    if not is_curator(request.user):
        raise Http404
    certificate = get_object_or_404(Certificate.objects.select_related("partner"), pk=pk)
    if not is_confirmed(request):
        return confirm_page(
            request,
            question=_(
                "Verify “%(certificate)s” of %(seller)s, issued by %(lab)s? Buyers and customs "
                "checks then rely on it."
            )
            % {
                "certificate": certificate,
                "seller": certificate.partner.display_name,
                "lab": certificate.lab or "—",
            },
            button=_("Yes, verify it"),
            cancel_url=reverse("certificates:seller", args=[certificate.partner_id]),
            base_template="seller_space/base.html",
        )
    if certificate.verified_at is None:
        certificate.verify(request.user)
    messages.success(request, _("Certificate verified."))
    return redirect("certificates:seller", partner_pk=certificate.partner_id)


PROFILE_FLAGS = ("food_contact", "marked_not_for_food", "for_children")


def _posted_profile(post, product):
    """A product's export profile as posted: its flags and its current lot."""
    values = {flag: f"{flag}-{product.pk}" in post for flag in PROFILE_FLAGS}
    values["current_lot"] = normalise_lot(post.get(f"current_lot-{product.pk}", ""))
    return values


@login_required
def export_profiles(request, partner_pk):
    """The seller says which pieces are food ware, marked 'not for food use' or for children."""
    partner = _member_partner(request, partner_pk)
    products = list(
        Product.objects.filter(stockrecords__partner=partner)
        .select_related("export_profile")
        .order_by("title")
    )
    if request.method == "POST":
        posted = {product.pk: _posted_profile(request.POST, product) for product in products}
        wrong = [
            p.title for p in products if not LOT_CODE.match(posted[p.pk]["current_lot"] or "0")
        ]
        if wrong:
            messages.error(
                request,
                _(
                    "Lot codes are letters, digits, '.', '/' and '-'. "
                    "Nothing saved; check: %(pieces)s"
                )
                % {"pieces": ", ".join(wrong)},
            )
            return redirect("certificates:profiles", partner_pk=partner.pk)
        with transaction.atomic():
            for product in products:
                values = posted[product.pk]
                current = getattr(product, "export_profile", None)
                if current is None and not any(values.values()):
                    continue
                if current is None or any(getattr(current, f) != v for f, v in values.items()):
                    ExportProfile.objects.update_or_create(product=product, defaults=values)
        messages.success(request, _("Export details saved."))
        return redirect("certificates:profiles", partner_pk=partner.pk)
    rows = [
        (
            product,
            {
                field: getattr(getattr(product, "export_profile", None), field, default)
                for field, default in [
                    *((flag, False) for flag in PROFILE_FLAGS),
                    ("current_lot", ""),
                ]
            },
        )
        for product in products
    ]
    context = {**space_context(request, partner), "partner": partner, "rows": rows}
    return render(request, "certificates/export_profiles.html", context)
