"""The payout ledger for staff: read-only (entries are written by the ledger services)."""

from django.contrib import admin

from sellers.payouts.models import LedgerEntry


@admin.register(LedgerEntry)
class LedgerEntryAdmin(admin.ModelAdmin):
    list_display = ["created_at", "seller", "kind", "order_number", "reference", "amount"]
    list_filter = ["kind"]
    search_fields = ["seller__name", "order_number", "reference"]
    list_select_related = ["seller"]
    date_hierarchy = "created_at"

    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in LedgerEntry._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
