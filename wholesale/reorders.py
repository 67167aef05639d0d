"""Ordering again: a company's past request (its order, or its accepted quotes) becomes the
draft of a new quote request to the same sellers, with the same pieces and quantities, checked
against the offers as they are today, which the buyer edits before sending.

- A piece no longer quotable (the seller withdrew its wholesale offer, or the listing is hidden
  or its seller suspended) is left out, with the reason.
- A quantity the offer no longer takes (a higher minimum, a new case pack) becomes the nearest
  quantity it takes, above it (``rules.orderable_quantity``), and the page says why.
- The tier price for the quantity is today's (an indication: the sellers answer the quote).
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from wholesale import rules
from wholesale.models import QuoteLine, SellerQuote, WholesaleOffer
from wholesale.quotes import quotable_offers

WITHDRAWN = "withdrawn"  # the seller stopped selling the piece wholesale
NOT_SOLD = "not_sold"  # the listing is hidden, or its seller does not sell now
REASONS = {
    WITHDRAWN: _("The seller no longer sells this piece wholesale."),
    NOT_SOLD: _("This piece is not on sale at the moment."),
}


@dataclass(frozen=True)
class Reorder:
    """``draft``: {stockrecord id (str): quantity}, the session draft's shape; ``was``: the past
    quantity of each line whose quantity changed; ``left_out``: [(stockrecord id, quantity,
    reason code)]."""

    draft: dict
    was: dict
    left_out: list


def past_lines(quote_request):
    """The lines of the request's accepted quotes, same pieces merged."""
    quantities = {}
    lines = QuoteLine.objects.filter(
        quote__request=quote_request, quote__status=SellerQuote.ACCEPTED
    ).order_by("pk")
    for line in lines:
        quantities[line.stockrecord_id] = quantities.get(line.stockrecord_id, 0) + line.quantity
    return quantities


def reorder(quote_request):
    """The Reorder of ``quote_request``'s accepted lines against today's offers."""
    quantities = past_lines(quote_request)
    offers = {
        offer.stockrecord_id: offer
        for offer in quotable_offers().filter(stockrecord__in=list(quantities))
    }
    withdrawn = set(quantities) - set(
        WholesaleOffer.objects.filter(stockrecord__in=list(quantities)).values_list(
            "stockrecord_id", flat=True
        )
    )
    draft, was, left_out = {}, {}, []
    for record_id, quantity in quantities.items():
        offer = offers.get(record_id)
        if offer is None:
            left_out.append(
                (record_id, quantity, WITHDRAWN if record_id in withdrawn else NOT_SOLD)
            )
            continue
        orderable = rules.orderable_quantity(quantity, offer.minimum_quantity, offer.case_pack)
        draft[str(record_id)] = orderable
        if orderable != quantity:
            was[str(record_id)] = quantity
    return Reorder(draft, was, left_out)
