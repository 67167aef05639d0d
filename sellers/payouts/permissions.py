"""Who pays sellers: active staff holding ``payouts.add_payoutrun`` (superusers do)."""


def can_pay_sellers(user):
    return bool(user.is_active and user.is_staff and user.has_perm("payouts.add_payoutrun"))


def dashboard_payouts_access(user, url_name, url_args=None, url_kwargs=None):
    """Oscar dashboard navigation's ``access_fn`` for the payout pages."""
    return can_pay_sellers(user)
