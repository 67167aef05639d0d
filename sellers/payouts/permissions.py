"""Who pays sellers: active staff holding ``payouts.add_payoutrun`` (superusers do). Who
follows disputes: ``payments.view_dispute``; who sees the monthly totals:
``payouts.view_payoutrun``."""


def _staff_with(user, permission):
    return bool(user.is_active and user.is_staff and user.has_perm(permission))


def can_pay_sellers(user):
    return _staff_with(user, "payouts.add_payoutrun")


def can_review_disputes(user):
    return _staff_with(user, "payments.view_dispute")


def can_see_totals(user):
    return _staff_with(user, "payouts.view_payoutrun")


def dashboard_payouts_access(user, url_name, url_args=None, url_kwargs=None):
    """Oscar dashboard navigation's ``access_fn`` for the payout pages."""
    return can_pay_sellers(user)


def dashboard_disputes_access(user, url_name, url_args=None, url_kwargs=None):
    return can_review_disputes(user)


def dashboard_totals_access(user, url_name, url_args=None, url_kwargs=None):
    return can_see_totals(user)
