from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PayoutsConfig(AppConfig):
    name = "sellers.payouts"
    label = "payouts"
    verbose_name = _("Seller payouts")

    def ready(self):
        from marketplace.payments.signals import (
            dispute_closed,
            dispute_opened,
            line_refunded,
            seller_cost_refunded,
        )
        from sellers.fulfilment.signals import parcel_delivered, parcel_shipped
        from sellers.payouts import receivers

        line_refunded.connect(receivers.debit_refunded_line, dispatch_uid="payouts-debit-refund")
        seller_cost_refunded.connect(
            receivers.debit_seller_cost, dispatch_uid="payouts-debit-seller-cost"
        )
        parcel_shipped.connect(
            receivers.credit_shipped_parcel, dispatch_uid="payouts-credit-shipment"
        )
        parcel_delivered.connect(
            receivers.start_hold_on_delivery, dispatch_uid="payouts-hold-from-delivery"
        )
        dispute_opened.connect(
            receivers.freeze_disputed_order, dispatch_uid="payouts-freeze-dispute"
        )
        dispute_closed.connect(
            receivers.settle_disputed_order, dispatch_uid="payouts-settle-dispute"
        )
