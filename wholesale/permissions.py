"""Who reviews business buyers: active staff (no model import: settings read this module)."""


def can_review_companies(user):
    return bool(user.is_active and user.is_staff)


def dashboard_staff_access(user, url_name, url_args=None, url_kwargs=None):
    """Oscar dashboard navigation's ``access_fn`` for the business buyers' queue."""
    return can_review_companies(user)
