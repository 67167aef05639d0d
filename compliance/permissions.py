"""Who edits the destination rules, import regimes and duty rates in the dashboard: active
staff holding the model's permission (``add_`` to create, ``change_`` to edit)."""

EDIT_PERMISSIONS = (
    "certificates.change_destinationrule",
    "compliance.change_importregime",
    "compliance.change_dutyrate",
)


def can_edit(user, permission):
    return bool(
        user.is_authenticated and user.is_active and user.is_staff and user.has_perm(permission)
    )


def dashboard_rules_access(user, url_name, url_args=None, url_kwargs=None):
    """Oscar dashboard navigation's ``access_fn`` for the rules' entries."""
    return any(can_edit(user, permission) for permission in EDIT_PERMISSIONS)
