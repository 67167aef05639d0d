from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PayoutsConfig(AppConfig):
    name = "sellers.payouts"
    label = "payouts"
    verbose_name = _("Seller payouts")

    def ready(self):
        from marketplace.payments.signals import line_refunded
        from sellers.fulfilment.signals import parcel_delivered, parcel_shipped
        from sellers.payouts import receivers

        line_refunded.connect(receivers.debit_refunded_line, dispatch_uid="payouts-debit-refund")
        parcel_shipped.connect(
            receivers.credit_shipped_parcel, dispatch_uid="payouts-credit-shipment"
        )
        parcel_delivered.connect(
            receivers.start_hold_on_delivery, dispatch_uid="payouts-hold-from-delivery"
        )
