from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WholesaleConfig(AppConfig):
    """Business buyers (companies verified by staff) and sellers' wholesale offers."""

    name = "wholesale"
    label = "wholesale"
    verbose_name = _("Wholesale")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from marketplace.payments import intent_owners
        from wholesale.card import settler_for

        intent_owners.register(settler_for)
