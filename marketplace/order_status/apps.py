from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from oscar.apps.dashboard.orders import apps as oscar_orders


class OrderStatusConfig(AppConfig):
    name = "marketplace.order_status"
    label = "order_status"
    verbose_name = _("Order status")

    def ready(self):
        from marketplace.order_status import receivers
        from marketplace.payments.signals import dispute_closed, order_paid, refund_recorded
        from sellers.fulfilment.signals import parcel_status_changed

        order_paid.connect(receivers.payment_went_through, dispatch_uid="order-status-paid")
        parcel_status_changed.connect(receivers.parcel_moved, dispatch_uid="order-status-parcel")
        refund_recorded.connect(receivers.money_returned, dispatch_uid="order-status-refund")
        dispute_closed.connect(receivers.dispute_settled, dispatch_uid="order-status-dispute")


class OrdersDashboardConfig(oscar_orders.OrdersDashboardConfig):
    """Oscar's order dashboard, its list and order pages naming statuses in the reader's
    language."""

    def ready(self):
        super().ready()
        from marketplace.order_status import dashboard

        self.order_list_view = dashboard.StatusOrderListView
        self.order_detail_view = dashboard.StatusOrderDetailView
