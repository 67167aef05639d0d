"""The payout ledger for staff: read-only (entries are written by the ledger services; payouts
are made on the payout pages, /dashboard/payouts/)."""

from django.contrib import admin

from marketplace.core.read_only_admin import ReadOnlyAdmin
from sellers.payouts.models import LedgerEntry, Payout, PayoutRun


@admin.register(LedgerEntry)
class LedgerEntryAdmin(ReadOnlyAdmin):
    list_display = [
        "created_at",
        "seller",
        "kind",
        "order_number",
        "reference",
        "amount",
        "available_on",
        "released_at",
        "payout",
        "frozen_by",
    ]
    list_filter = ["kind"]
    search_fields = ["seller__name", "order_number", "reference"]
    list_select_related = ["seller", "payout", "frozen_by"]
    date_hierarchy = "created_at"

    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in LedgerEntry._meta.fields]


@admin.register(PayoutRun)
class PayoutRunAdmin(ReadOnlyAdmin):
    list_display = ["reference", "execution_date", "total", "created_at", "paid_at"]


@admin.register(Payout)
class PayoutAdmin(ReadOnlyAdmin):
    list_display = ["reference", "run", "seller", "amount", "rib", "paid_at"]
    list_select_related = ["run", "seller"]
    search_fields = ["reference", "seller__name"]
