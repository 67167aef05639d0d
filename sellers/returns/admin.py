"""Returns for staff: read-only (requests move through ``sellers.returns.services``, on the
buyer's, the seller's and the curators' pages)."""

from django.contrib import admin

from marketplace.core.read_only_admin import ReadOnlyAdmin
from sellers.returns.models import ReturnEvent, ReturnRequest


class ReturnEventInline(admin.TabularInline):
    model = ReturnEvent
    extra = 0
    can_delete = False
    fields = ["created_at", "from_status", "to_status", "role", "actor", "note"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(ReturnRequest)
class ReturnRequestAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "order", "seller", "status", "reason", "outcome"]
    list_filter = ["status", "reason"]
    search_fields = ["order__number", "seller__name", "return_tracking"]
    list_select_related = ["order", "seller"]
    inlines = [ReturnEventInline]

    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in ReturnRequest._meta.fields]
