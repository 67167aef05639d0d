"""Who may act on a seller's behalf, and who curates: the one place these are decided."""

from oscar.core.loading import get_model

VERIFY_SELLER = "partner.verify_seller"


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


def is_member(user, seller):
    """Whether ``user`` is one of ``seller``'s active member accounts."""
    return member_sellers(user).filter(pk=seller.pk).exists()


def is_member_or_curator(user, seller):
    """Who reaches a seller's private documents and certificates: its members and curators."""
    return is_curator(user) or is_member(user, seller)


def dashboard_curator_access(user, url_name, url_args=None, url_kwargs=None):
    """Oscar dashboard navigation's ``access_fn`` for the curators' entries."""
    return is_curator(user)
