from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SellerSpaceConfig(AppConfig):
    name = "sellers.space"
    label = "seller_space"
    verbose_name = _("Seller space")
    default_auto_field = "django.db.models.BigAutoField"
