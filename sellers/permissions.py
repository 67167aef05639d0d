"""Who may act on a seller's behalf, and who curates: the one place these are decided."""

from oscar.core.loading import get_model

VERIFY_SELLER = "partner.verify_seller"
# The seller a member of several acts for in the seller space, kept in the session.
ACTING_SELLER_KEY = "seller_space:seller_id"


def is_curator(user):
    """An active staff member, or an active member of the Curators group (``verify_seller``)."""
    return bool(
        user.is_authenticated and user.is_active and (user.is_staff or user.has_perm(VERIFY_SELLER))
    )


def member_sellers(user):
    """The sellers ``user`` belongs to (a cooperative has several member accounts), by name."""
    Partner = get_model("partner", "Partner")
    if not (user.is_authenticated and user.is_active):
        return Partner.objects.none()
    return Partner.objects.filter(users=user).select_related("region").order_by("name", "pk")


def acting_seller(request, sellers=None):
    """The seller ``request.user`` acts for in the seller space: the only one they belong to,
    or the one chosen and kept in the session; None when none or a choice is due."""
    sellers = list(member_sellers(request.user)) if sellers is None else sellers
    if len(sellers) == 1:
        return sellers[0]
    chosen_id = request.session.get(ACTING_SELLER_KEY)
    return next((seller for seller in sellers if seller.pk == chosen_id), None)


def space_context(request, seller=None):
    """What the seller-space menu needs on a page outside ``sellers.space`` (parcels,
    certificates): the seller the page is about if the user is its member, else the one they
    act for; curators who are not members get no menu."""
    sellers = list(member_sellers(request.user))
    if seller is not None:
        seller = next((s for s in sellers if s.pk == seller.pk), None)
    else:
        seller = acting_seller(request, sellers)
    return {"seller": seller, "several_sellers": len(sellers) > 1}


def is_member(user, seller):
    """Whether ``user`` is one of ``seller``'s active member accounts."""
    return member_sellers(user).filter(pk=seller.pk).exists()


def is_member_or_curator(user, seller):
    """Who reaches a seller's private documents and certificates: its members and curators."""
    return is_curator(user) or is_member(user, seller)


def dashboard_curator_access(user, url_name, url_args=None, url_kwargs=None):
    """Oscar dashboard navigation's ``access_fn`` for the curators' entries."""
    return is_curator(user)
