"""Read-only views of parcels for staff; changes go through the transition services."""

from django.contrib import admin

from sellers.fulfilment.models import Parcel, ParcelEvent


class ParcelEventInline(admin.TabularInline):
    model = ParcelEvent
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


@admin.register(Parcel)
class ParcelAdmin(admin.ModelAdmin):
    list_display = ["order", "partner", "status", "service", "tracking_number", "updated_at"]
    list_filter = ["status", "service__carrier"]
    search_fields = ["order__number", "partner__name", "tracking_number"]
    list_select_related = ["order", "partner", "service__carrier"]
    raw_id_fields = ["order"]
    inlines = [ParcelEventInline]

    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in Parcel._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
