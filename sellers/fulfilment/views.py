"""Parcel pages: sellers' parcels, packing check, tracking, dispatch and customs papers; the
buyer's carrier tracking links."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from oscar.core.loading import get_model

from marketplace.core.confirm import confirm_page, is_confirmed
from sellers.fulfilment import declaration, parcels, services
from sellers.fulfilment.forms import TrackingForm
from sellers.fulfilment.models import Parcel, ParcelDocument
from sellers.permissions import acting_seller, is_curator, is_member_or_curator, space_context


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
    """The parcels of the sellers the user belongs to (every parcel for curators)."""
    found = Parcel.objects.select_related("order", "partner", "service__carrier")
    if not is_curator(request.user):
        found = found.filter(partner__users=request.user)
    context = {**space_context(request), "parcels": found.order_by("-created")}
    return render(request, "shipping/parcel_list.html", context)


@login_required
def parcel_detail(request, pk):
    parcel = _parcel_for(request, pk)
    initial = {"service": parcel.service.code if parcel.service else None}
    context = {
        **space_context(request, parcel.partner),
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
            services.set_tracking(
                parcel, form.cleaned_data["service"], form.cleaned_data["tracking_number"]
            )
        except services.TransitionError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Tracking saved."))
    else:
        messages.error(request, _("Choose a service and enter the tracking number."))
    return redirect("fulfilment:parcel", pk=pk)


@login_required
@require_POST
def parcel_check(request, pk):
    parcel = _parcel_for(request, pk)
    if not parcels.can_check(request.user, parcel):
        raise PermissionDenied
    services.confirm_packing(parcel, request.user)
    messages.success(request, _("Packing confirmed."))
    return redirect("fulfilment:parcel", pk=pk)


@login_required
def parcel_dispatch(request, pk):
    """Dispatch once confirmed (a GET, or a POST without confirmation, asks first)."""
    parcel = _parcel_for(request, pk)
    if not is_confirmed(request):
        return confirm_page(
            request,
            question=_(
                "Mark the parcel for order %(number)s as dispatched? The buyer is told it is "
                "on its way; this cannot be undone."
            )
            % {"number": parcel.order.number},
            button=_("Yes, it is dispatched"),
            cancel_url=reverse("fulfilment:parcel", args=[pk]),
            base_template="seller_space/base.html",
            context=space_context(request, parcel.partner),
        )
    try:
        services.dispatch(parcel, request.user)
    except services.TransitionError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Parcel marked as dispatched."))
    return redirect("fulfilment:parcel", pk=pk)


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


def _declaration_response(rows, name, fmt):
    """The rows as a CSV or JSON attachment named ``name``."""
    if fmt == "json":
        response = JsonResponse({"columns": declaration.COLUMNS, "rows": rows})
    else:
        response = HttpResponse(declaration.as_csv(rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


@login_required
def parcel_declaration(request, pk, fmt):
    """The export declaration data of one parcel, for the seller's forwarder or broker."""
    parcel = _parcel_for(request, pk)
    rows = declaration.parcel_rows(parcel)
    return _declaration_response(rows, f"export-{parcel.order.number}-{parcel.partner_id}", fmt)


@login_required
def day_declaration(request, day, fmt):
    """The export declaration data of the parcels one seller opened on ``day``: the seller the
    user acts for, or ``?seller=<id>`` for a member of several sellers or a curator."""
    Partner = get_model("partner", "Partner")
    seller_id = request.GET.get("seller")
    if seller_id:
        seller = Partner.objects.filter(pk=seller_id).first() if seller_id.isdigit() else None
    else:
        seller = acting_seller(request)
    if seller is None or not is_member_or_curator(request.user, seller):
        raise Http404
    found = (
        Parcel.objects.filter(partner=seller, created__date=day)
        .select_related("order", "partner", "service__carrier")
        .order_by("created", "pk")
    )
    rows = declaration.rows_for(found)
    return _declaration_response(rows, f"export-{seller.pk}-{day.isoformat()}", fmt)


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
