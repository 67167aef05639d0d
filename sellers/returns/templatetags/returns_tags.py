"""The returns panel of the buyer's order page, and a seller's returns policy where pieces are
shown (product page, basket) and in the order email."""

from django import template
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from sellers.returns.models import Payer
from sellers.returns.policy import reason_labels, returnable_lines, shown_policy
from sellers.returns.views import buyer_url, refunded

register = template.Library()


@register.inclusion_tag("returns/partials/order_panel.html", takes_context=True)
def order_returns(context, order):
    """The order's returns, each with its status and refund, and the link to ask for one."""
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    hash = match.kwargs.get("hash") if match else None
    found = list(order.returns.select_related("seller").order_by("pk"))
    can_ask = any(refusal is None for _line, _policy, refusal in returnable_lines(order))
    if hash is not None:
        new_url = reverse("returns:guest-new", kwargs={"number": order.number, "hash": hash})
    else:
        new_url = reverse("returns:new", kwargs={"number": order.number})
    return {
        "returns": [(item, buyer_url(item, hash), refunded(item)) for item in found],
        "new_url": new_url if can_ask else "",
    }


@register.inclusion_tag("returns/partials/policy.html")
def return_policy(seller):
    policy = shown_policy(seller)
    return {"policy": policy, "reasons": reason_labels(policy)}


@register.simple_tag
def return_policy_text(seller):
    """The policy in one sentence, for plain-text emails."""
    policy = shown_policy(seller)
    days = policy["window_days"]
    parts = [
        ngettext(
            "Returns accepted within %(days)d day of delivery.",
            "Returns accepted within %(days)d days of delivery.",
            days,
        )
        % {"days": days},
        _("Return shipping paid by the seller.")
        if policy["return_shipping_paid_by"] == Payer.SELLER
        else _("Return shipping paid by the buyer."),
    ]
    if not policy["unique_pieces_returnable"]:
        parts.append(_("Unique pieces cannot be returned."))
    if not policy["made_to_order_returnable"]:
        parts.append(_("Pieces made to order cannot be returned."))
    return " ".join(str(part) for part in parts)
