"""Read-only views of fulfilments for staff; changes go through the transition service."""

from django.contrib import admin

from sellers.fulfilment.models import Fulfilment, FulfilmentEvent


class FulfilmentEventInline(admin.TabularInline):
    model = FulfilmentEvent
    extra = 0
    can_delete = False
    readonly_fields = [
        "from_status",
        "to_status",
        "carrier",
        "tracking_number",
        "actor",
        "created_at",
    ]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Fulfilment)
class FulfilmentAdmin(admin.ModelAdmin):
    list_display = ["order", "seller", "status", "carrier", "tracking_number", "updated_at"]
    list_filter = ["status", "carrier"]
    search_fields = ["order__number", "seller__name", "tracking_number"]
    list_select_related = ["order", "seller"]
    inlines = [FulfilmentEventInline]

    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in Fulfilment._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
