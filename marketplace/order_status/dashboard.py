"""Oscar's dashboard order list with statuses in the reader's language: the search form's
choices and the "Order status is …" filter. Loaded by ``apps.OrdersDashboardConfig.ready``."""

from django.utils.translation import gettext as _
from oscar.core.loading import get_class

from marketplace.order_status.pipeline import LABELS, label

OrderSearchForm = get_class("dashboard.orders.forms", "OrderSearchForm")
OrderListView = get_class("dashboard.orders.views", "OrderListView")


class StatusSearchForm(OrderSearchForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [("", "---------"), *LABELS.items()]


class StatusOrderListView(OrderListView):
    form_class = StatusSearchForm

    def get_search_filter_descriptions(self):
        descriptions = super().get_search_filter_descriptions()
        code = self.form.cleaned_data.get("status") if self.form.is_valid() else ""
        if not code:
            return descriptions
        # Oscar's own wording (and its translations), with the label in place of the code.
        raw = _("Order status is {order_status}").format(order_status=code)
        shown = _("Order status is {order_status}").format(order_status=label(code))
        return [shown if description == raw else description for description in descriptions]
