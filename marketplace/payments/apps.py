from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PaymentsConfig(AppConfig):
    name = "marketplace.payments"
    label = "payments"
    verbose_name = _("Payments")

    def ready(self):
        from catalog import holds
        from marketplace.payments.reservations import held_subquery, publish_all_holds

        holds.register(held_subquery, publish_all_holds)
