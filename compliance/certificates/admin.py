from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from compliance.certificates import models


@admin.register(models.Certificate)
class CertificateAdmin(admin.ModelAdmin):
    list_display = ("__str__", "partner", "lab", "issued_on", "expires_on", "verified_at")
    list_filter = ("type", "verified_at")
    list_select_related = ("partner",)
    raw_id_fields = ("products",)
    readonly_fields = ("verified_by", "verified_at")
    actions = ["verify"]

    @admin.action(description=_("Verify the selected certificates"))
    def verify(self, request, queryset):
        for certificate in queryset.filter(verified_at__isnull=True):
            certificate.verify(request.user)
        self.message_user(request, _("Certificates verified."))


@admin.register(models.DestinationRule)
class DestinationRuleAdmin(admin.ModelAdmin):
    list_display = (
        "destination",
        "product_kind",
        "certificate_type",
        "standard_contains",
        "valid_from",
        "valid_to",
        "legal_source",
    )
    list_filter = ("destination", "product_kind", "certificate_type")
    search_fields = ("legal_source", "standard_contains")


@admin.register(models.ExportProfile)
class ExportProfileAdmin(admin.ModelAdmin):
    list_display = ("product", "food_contact", "marked_not_for_food", "for_children")
    raw_id_fields = ("product",)
