from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FulfilmentConfig(AppConfig):
    name = "sellers.fulfilment"
    label = "fulfilment"
    verbose_name = _("Seller fulfilment")

    def ready(self):
        from oscar.apps.order.signals import order_placed

        from sellers.fulfilment import receivers

        order_placed.connect(receivers.open_fulfilments, dispatch_uid="fulfilment-open")
