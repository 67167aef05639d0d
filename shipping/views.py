"""Shipping views: the buyer's country choice; sellers' parcels, customs papers and tracking."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from oscar.core.loading import get_model

from marketplace.core.countries import is_country_code
from marketplace.currency.selection import COUNTRY_COOKIE
from sellers.fulfilment import shipment
from shipping import parcels
from shipping.forms import TrackingForm
from shipping.models import Parcel, ParcelDocument
from shipping.services import served_countries

COOKIE_AGE = 365 * 24 * 3600


@require_POST
def set_country(request):
    """Remember the destination country in a cookie and go back to the page."""
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        target = "/"
    response = HttpResponseRedirect(target)
    country = request.POST.get("country", "").strip().upper()
    if is_country_code(country) and country in served_countries():
        response.set_cookie(
            COUNTRY_COOKIE,
            country,
            max_age=COOKIE_AGE,
            samesite="Lax",
            secure=settings.SESSION_COOKIE_SECURE,
        )
    return response


def _parcel_for(request, pk):
    """The parcel, if the user is one of its seller's members or staff; else 404."""
    parcel = get_object_or_404(
        Parcel.objects.select_related("order", "partner", "service__carrier", "checked_by"), pk=pk
    )
    if not parcels.can_manage(request.user, parcel):
        raise Http404
    return parcel


@login_required
def parcel_list(request):
    """The parcels of the sellers the user belongs to (every parcel for staff)."""
    found = Parcel.objects.select_related("order", "partner", "service__carrier")
    if not request.user.is_staff:
        found = found.filter(partner__users=request.user)
    return render(request, "shipping/parcel_list.html", {"parcels": found.order_by("-created")})


@login_required
def parcel_detail(request, pk):
    parcel = _parcel_for(request, pk)
    initial = {"service": parcel.service.code if parcel.service else None}
    context = {
        "parcel": parcel,
        "documents": parcel.documents.all(),
        "lines": parcel.order.lines.filter(partner=parcel.partner),
        "form": TrackingForm(initial={**initial, "tracking_number": parcel.tracking_number}),
        "can_check": parcels.can_check(request.user, parcel),
    }
    return render(request, "shipping/parcel_detail.html", context)


@login_required
@require_POST
def parcel_tracking(request, pk):
    parcel = _parcel_for(request, pk)
    form = TrackingForm(request.POST)
    if form.is_valid():
        try:
            parcels.set_tracking(
                parcel, form.cleaned_data["service"], form.cleaned_data["tracking_number"]
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Tracking saved."))
    else:
        messages.error(request, _("Choose a service and enter the tracking number."))
    return redirect("shipping:parcel", pk=pk)


@login_required
@require_POST
def parcel_check(request, pk):
    parcel = _parcel_for(request, pk)
    if not parcels.can_check(request.user, parcel):
        raise PermissionDenied
    parcels.confirm_packing(parcel, request.user)
    messages.success(request, _("Packing confirmed."))
    return redirect("shipping:parcel", pk=pk)


@login_required
@require_POST
def parcel_dispatch(request, pk):
    parcel = _parcel_for(request, pk)
    try:
        shipment.dispatch(parcel, request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Parcel marked as dispatched."))
    return redirect("shipping:parcel", pk=pk)


@login_required
def document_download(request, pk):
    """A customs paper, to the seller's members and staff only (a presigned link on S3)."""
    document = get_object_or_404(ParcelDocument.objects.select_related("parcel__partner"), pk=pk)
    if not parcels.can_manage(request.user, document.parcel):
        raise Http404
    if getattr(document.file.storage, "bucket_name", None):
        return HttpResponseRedirect(document.file.url)
    name = f"{document.kind}-{document.parcel.order.number}.pdf"
    return FileResponse(document.file.open("rb"), as_attachment=True, filename=name)


def order_tracking(request, number):
    """The buyer's carrier tracking links: the order's owner, staff, or Oscar's order hash."""
    Order = get_model("order", "Order")
    order = get_object_or_404(Order, number=number)
    owner = request.user.is_authenticated and (
        request.user.is_staff or order.user_id == request.user.pk
    )
    if not (owner or order.check_verification_hash(request.GET.get("hash", ""))):
        raise Http404
    return render(request, "shipping/order_tracking.html", {"order": order})
