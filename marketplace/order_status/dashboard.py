"""Oscar's dashboard order pages with statuses in the reader's language: the search form's
choices, the "Order status is …" filter, and the message and note a status change leaves.
Loaded by ``apps.OrdersDashboardConfig.ready``."""

from django.contrib import messages
from django.utils.translation import gettext as _
from oscar.apps.payment.exceptions import PaymentError
from oscar.core.loading import get_class, get_model

from marketplace.order_status.pipeline import LABELS, label
from sellers.fulfilment.models import Parcel

OrderSearchForm = get_class("dashboard.orders.forms", "OrderSearchForm")
OrderListView = get_class("dashboard.orders.views", "OrderListView")
OrderDetailView = get_class("dashboard.orders.views", "OrderDetailView")
OrderNote = get_model("order", "OrderNote")


def change_message(old_status, new_status):
    """Oscar's wording (and its translations), with labels in place of the codes."""
    return _("Order status changed from '%(old_status)s' to '%(new_status)s'") % {
        "old_status": label(old_status),
        "new_status": label(new_status),
    }


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
        raw = _("Order status is {order_status}").format(order_status=code)
        shown = _("Order status is {order_status}").format(order_status=label(code))
        return [shown if description == raw else description for description in descriptions]

    def change_order_status(self, request, order):
        """Oscar's bulk change, its message and note naming the statuses by their labels."""
        new_status = request.POST["new_status"].strip()
        if new_status not in order.available_statuses():
            messages.error(
                request, _("The new status '%s' is not valid for this order") % label(new_status)
            )
            return
        old_status = order.status
        try:
            self.get_handler(user=request.user).handle_order_status_change(order, new_status)
        except PaymentError as error:
            messages.error(
                request, _("Unable to change order status due to payment error: %s") % error
            )
            return
        message = change_message(old_status, new_status)
        messages.info(request, message)
        order.notes.create(user=request.user, message=message, note_type=OrderNote.SYSTEM)


class StatusOrderDetailView(OrderDetailView):
    def get_context_data(self, **kwargs):
        """The lines table's status column in the reader's language: a line's own status when
        it has one, else its seller's parcel's (lines have no pipeline of their own here). The
        lines shown are a list read for display only; the line actions read them afresh."""
        ctx = super().get_context_data(**kwargs)
        parcels = dict(self.object.parcels.values_list("partner_id", "status"))
        names = dict(Parcel.Status.choices)
        lines = list(ctx["lines"])
        for line in lines:
            line.status = (
                label(line.status) if line.status else names.get(parcels.get(line.partner_id), "")
            )
        ctx["lines"] = lines
        return ctx

    def change_order_status(self, request, order):
        """Oscar's change from the order page, its message and note naming the statuses by
        their labels."""
        form = self.get_order_status_form()
        if not form.is_valid():
            return self.reload_page(error=_("Invalid form submission"))
        old_status, new_status = order.status, form.cleaned_data["new_status"]
        message = change_message(old_status, new_status)
        try:
            self.get_handler(user=request.user).handle_order_status_change(
                order, new_status, note_msg=message
            )
        except PaymentError as error:
            messages.error(
                request, _("Unable to change order status due to payment error: %s") % error
            )
        else:
            messages.info(request, message)
        return self.reload_page()
