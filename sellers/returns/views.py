"""The buyer's return pages: ask for a return from an order, follow it, take it to a curator,
send the pieces back; and the return's customs paper and photos, for the buyer, the seller's
members and curators.

A signed-in buyer reaches the returns of their own orders; a guest, through the order's
verification hash (the signed link of the order-status email), under ``…/<hash>/``.
"""

from django.contrib import messages
from django.db.models import Sum
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.crypto import constant_time_compare
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from marketplace.payments.models import PaymentRefund
from sellers.documents import document_response
from sellers.fulfilment.documents import sender_address
from sellers.permissions import is_member_or_curator
from sellers.returns import documents, services
from sellers.returns.forms import NoteForm, ReturnRequestForm, ReturnShipmentForm
from sellers.returns.models import ReturnRequest
from sellers.returns.policy import policy_for, reason_labels, returnable_lines

Order = get_model("order", "Order")
Carrier = get_model("shipping", "Carrier")


def is_buyer(request, order, hash=None):
    if hash is not None:
        return constant_time_compare(hash, order.verification_hash())
    return request.user.is_authenticated and order.user_id == request.user.pk


def _order(request, number, hash):
    order = get_object_or_404(Order, number=number)
    if not is_buyer(request, order, hash):
        raise Http404
    return order


def _return(request, pk, hash):
    found = get_object_or_404(ReturnRequest.objects.select_related("order", "seller"), pk=pk)
    if not is_buyer(request, found.order, hash):
        raise Http404
    return found


def buyer_url(found, hash=None):
    if hash is not None:
        return reverse("returns:guest-detail", kwargs={"pk": found.pk, "hash": hash})
    return reverse("returns:detail", kwargs={"pk": found.pk})


def new(request, number, hash=None):
    order = _order(request, number, hash)
    rows = returnable_lines(order)
    form = ReturnRequestForm(request.POST or None, request.FILES or None, rows=rows)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            created = services.ask(
                order,
                data["lines"],
                data["reason"],
                data["outcome"],
                details=data["details"],
                photos=data["photos"],
                user=request.user,
                language=get_language(),
            )
        except services.ReturnError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Your return request is sent to the seller."))
            return redirect(buyer_url(created[0], hash))
    sellers = {}
    for line, policy, _refusal in rows:
        sellers.setdefault(line.partner_id, (line.partner, policy))
    context = {
        "order": order,
        "form": form,
        "rows": rows,
        "policies": [
            {"seller": seller, "policy": policy, "reasons": reason_labels(policy)}
            for seller, policy in sellers.values()
        ],
    }
    return render(request, "returns/new.html", context)


def refunded(found):
    """What the buyer got back for this return, in the charged currency (amount, currency)."""
    line_ids = found.lines.values_list("line_id", flat=True)
    rows = PaymentRefund.objects.filter(line_id__in=line_ids)
    total = rows.aggregate(total=Sum("amount"))["total"]
    if total is None:
        return None
    return {"amount": total, "currency": rows.first().currency}


def detail_context(found):
    order = found.order
    return {
        "found": found,
        "order": order,
        "lines": [row.line for row in found.lines.select_related("line")],
        "photos": list(found.photos.all()),
        "events": found.events.select_related("actor"),
        "policy": policy_for(found.seller),
        "postage_payer": services.postage_payer(found),
        "refund": refunded(found),
        "seller_address": sender_address(found.seller),
        "buyer_address": order.shipping_address,
    }


def detail(request, pk, hash=None):
    found = _return(request, pk, hash)
    carriers = Carrier.objects.order_by("name")
    note_form = NoteForm(prefix="escalate")
    currency = services.charged_currency(found.order)
    ship_form = ReturnShipmentForm(prefix="ship", carriers=carriers, currency=currency)
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "escalate":
                note_form = NoteForm(request.POST, prefix="escalate")
                if note_form.is_valid():
                    services.escalate(found, request.user, note_form.cleaned_data["note"])
                    messages.success(request, _("A curator will look at your return."))
                    return redirect(buyer_url(found, hash))
            elif action == "ship":
                ship_form = ReturnShipmentForm(
                    request.POST, prefix="ship", carriers=carriers, currency=currency
                )
                if ship_form.is_valid():
                    data = ship_form.cleaned_data
                    services.ship_back(
                        found,
                        request.user,
                        data["carrier"],
                        data["tracking_number"],
                        postage=data["postage"],
                    )
                    messages.success(
                        request, _("Thank you: the seller is told the pieces are on their way.")
                    )
                    return redirect(buyer_url(found, hash))
        except services.ReturnError as error:
            messages.error(request, str(error))
            return redirect(buyer_url(found, hash))
    context = {
        **detail_context(found),
        "hash": hash,
        "can_escalate": services.can_escalate(found),
        "note_form": note_form,
        "ship_form": ship_form,
        "paper_url": _paper_url(found, hash) if found.status in services.ACCEPTED_STATES else "",
    }
    return render(request, "returns/detail.html", context)


def _paper_url(found, hash):
    if hash is not None:
        return reverse("returns:guest-paper", kwargs={"pk": found.pk, "hash": hash})
    return reverse("returns:paper", kwargs={"pk": found.pk})


def _may_see(request, found, hash):
    return is_buyer(request, found.order, hash) or is_member_or_curator(request.user, found.seller)


def paper(request, pk, hash=None):
    """The return's CN23 ("Returned goods"), once the seller or a curator accepted it."""
    found = get_object_or_404(ReturnRequest.objects.select_related("order", "seller"), pk=pk)
    if not _may_see(request, found, hash) or found.status not in services.ACCEPTED_STATES:
        raise Http404
    response = HttpResponse(documents.return_cn23(found), content_type="application/pdf")
    name = f"cn23-return-{found.reference}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "private, no-store"
    return response


def photo(request, pk, photo_pk, hash=None):
    found = get_object_or_404(ReturnRequest.objects.select_related("order", "seller"), pk=pk)
    if not _may_see(request, found, hash):
        raise Http404
    return document_response(get_object_or_404(found.photos, pk=photo_pk).image)
