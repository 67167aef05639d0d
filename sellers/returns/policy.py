"""Which returns policy a seller follows, and whether a line of an order may be returned.

A line may be returned from its parcel's delivery until the end of the policy's window (the
delivery day plus ``window_days``, that last day included), unless the policy excepts its kind
of piece: a unique piece, or a made-to-order one (``RETURNS_MADE_TO_ORDER_MIN_DAYS`` or more
days of processing).
"""

import datetime

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.core.formats import format_date
from sellers.returns.models import Reason, ReturnPolicy, ReturnRequest


def default_policy(seller=None):
    """The marketplace's policy, unsaved, for ``seller``."""
    return ReturnPolicy(seller=seller, **settings.RETURNS_DEFAULT_POLICY)


def policy_for(seller):
    """The seller's own policy, else the marketplace default."""
    if seller is None:
        return default_policy()
    try:
        return seller.return_policy
    except ReturnPolicy.DoesNotExist:
        return default_policy(seller)


# A seller's policy as pages show it, cached until the policy changes (``forget``, on each
# save or delete of a ReturnPolicy), so product pages and baskets read it without a query.
SHOWN_KEY = "return-policy:{}"
SHOWN_TIMEOUT = 24 * 3600
SHOWN_FIELDS = (
    "window_days",
    "reasons",
    "return_shipping_paid_by",
    "unique_pieces_returnable",
    "made_to_order_returnable",
)


def shown_policy(seller):
    """The seller's policy as a dict of its terms (the marketplace default when it has none)."""

    def read():
        policy = policy_for(seller)
        return {name: getattr(policy, name) for name in SHOWN_FIELDS}

    return cache.get_or_set(SHOWN_KEY.format(seller.pk), read, SHOWN_TIMEOUT)


def forget(sender, instance, **kwargs):
    cache.delete(SHOWN_KEY.format(instance.seller_id))


def reason_labels(policy):
    """The policy's accepted reasons in the active language (a policy or its shown dict)."""
    codes = policy["reasons"] if isinstance(policy, dict) else policy.reasons
    labels = dict(Reason.choices)
    return [labels[code] for code in codes if code in labels]


def is_made_to_order(product):
    days = getattr(product, "processing_days", None) or 0
    return days >= settings.RETURNS_MADE_TO_ORDER_MIN_DAYS


def delivered_at(parcel):
    if parcel is None:
        return None
    return parcel.tracked_delivered_at or parcel.delivered_at


def last_day(policy, parcel):
    """The last day a return may be asked for, or None before delivery."""
    delivered = delivered_at(parcel)
    if delivered is None:
        return None
    return timezone.localdate(delivered) + datetime.timedelta(days=policy.window_days)


def active_lines(order):
    """Ids of the order's lines already in a return that was not refused for good."""
    closed = ReturnRequest.objects.filter(order=order, status=ReturnRequest.Status.REFUSED)
    closed = closed.exclude(escalated_at__isnull=True)
    return set(
        order.lines.filter(return_lines__isnull=False)
        .exclude(return_lines__request__in=closed)
        .values_list("pk", flat=True)
    )


def refusal(line, policy, parcel, today=None, taken=frozenset()):
    """Why ``line`` may not be returned now (a sentence for the buyer), or None."""
    product = line.product
    if line.pk in taken:
        return _("A return was already asked for this piece.")
    if product is not None and product.is_unique_piece and not policy.unique_pieces_returnable:
        return _("This seller does not take back unique pieces.")
    if product is not None and is_made_to_order(product) and not policy.made_to_order_returnable:
        return _("This seller does not take back pieces made to order.")
    end = last_day(policy, parcel)
    if end is None:
        return _("A return can be asked for once the parcel is delivered.")
    if (today or timezone.localdate()) > end:
        return _("The return window closed on %(day)s.") % {"day": format_date(end)}
    return None


def returnable_lines(order, seller=None, today=None):
    """``[(line, policy, refusal or None)]`` for the order's lines (of ``seller`` if given)."""
    parcels = {parcel.partner_id: parcel for parcel in order.parcels.all()}
    taken = active_lines(order)
    lines = order.lines.select_related("product", "partner__return_policy").order_by("pk")
    if seller is not None:
        lines = lines.filter(partner=seller)
    rows = []
    for line in lines:
        policy = policy_for(line.partner)
        parcel = parcels.get(line.partner_id)
        rows.append((line, policy, refusal(line, policy, parcel, today, taken)))
    return rows
