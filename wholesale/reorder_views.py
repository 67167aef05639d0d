"""'Order again': a company's past request (its order or its accepted quotes) becomes the
draft of a new quote request, shown on the request page for the buyer to edit and send."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _
from django.views import View

from wholesale.models import QuoteRequest
from wholesale.quote_views import DRAFT_KEY, REORDER_KEY, VerifiedBuyerMixin
from wholesale.reorders import reorder


class ReorderView(VerifiedBuyerMixin, View):
    """POST: replace the buyer's draft by the request's accepted lines, checked today."""

    def post(self, request, pk):
        past = get_object_or_404(QuoteRequest, pk=pk, company=self.company)
        again = reorder(past)
        if not again.draft and not again.left_out:
            messages.error(request, _("This request has no accepted quote to order again."))
            return redirect("wholesale:company")
        request.session[DRAFT_KEY] = again.draft
        request.session[REORDER_KEY] = {
            "from": past.pk,
            "was": again.was,
            "left_out": [list(row) for row in again.left_out],
        }
        return redirect("wholesale:quote-new")
