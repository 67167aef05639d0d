from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FulfilmentConfig(AppConfig):
    """Parcels: what each seller ships of an order, its status, tracking, papers and history."""

    name = "sellers.fulfilment"
    label = "fulfilment"
    verbose_name = _("Seller fulfilment")
