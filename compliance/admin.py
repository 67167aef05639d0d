from django.contrib import admin

from compliance import models
from marketplace.core.read_only_admin import ReadOnlyAdmin


@admin.register(models.ImportRegime)
class ImportRegimeAdmin(admin.ModelAdmin):
    list_display = ("country", "valid_from", "valid_to", "currency", "tax_rate", "duty_free_up_to")
    list_filter = ("country",)


@admin.register(models.DutyRate)
class DutyRateAdmin(admin.ModelAdmin):
    list_display = ("country", "hs_prefix", "rate", "valid_from", "valid_to")
    list_filter = ("country",)


@admin.register(models.RuleChange)
class RuleChangeAdmin(ReadOnlyAdmin):
    """The dashboard's change history, read only (rows are never changed)."""

    list_display = ("created_at", "model", "object_repr", "action", "user_repr")
    list_filter = ("model", "action")
