"""Who edits the shipping tables: staff holding the shipping app's change permissions."""


def can_edit_rates(user):
    return bool(user.is_active and user.is_staff and user.has_perm("shipping.change_rate"))


def dashboard_rates_access(user, url_name, url_args=None, url_kwargs=None):
    """Oscar dashboard navigation's ``access_fn`` for the shipping tables' entries."""
    return can_edit_rates(user)
