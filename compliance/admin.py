from django.contrib import admin

from compliance import models


@admin.register(models.ImportRegime)
class ImportRegimeAdmin(admin.ModelAdmin):
    list_display = ("country", "valid_from", "valid_to", "currency", "tax_rate", "duty_free_up_to")
    list_filter = ("country",)


@admin.register(models.DutyRate)
class DutyRateAdmin(admin.ModelAdmin):
    list_display = ("country", "hs_prefix", "rate", "valid_from", "valid_to")
    list_filter = ("country",)
