"""Staff enter the freight rates table in the Django admin."""

from django.contrib import admin

from wholesale.models import FreightRate


@admin.register(FreightRate)
class FreightRateAdmin(admin.ModelAdmin):
    list_display = (
        "country",
        "port",
        "per_cubic_metre",
        "per_pallet",
        "minimum_charge",
        "valid_from",
        "valid_until",
    )
    list_filter = ("country",)
    search_fields = ("country", "port")
