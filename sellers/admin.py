from django.contrib import admin
from oscar.apps.partner.admin import *  # noqa: F403
from oscar.core.loading import get_model

from marketplace.core.read_only_admin import ReadOnlyAdmin

VerificationEvent = get_model("partner", "VerificationEvent")
CardExpiryNotice = get_model("partner", "CardExpiryNotice")


@admin.register(VerificationEvent)
class VerificationEventAdmin(ReadOnlyAdmin):
    """The verification history, read-only (decisions are made on the curation pages)."""

    list_display = ("created_at", "seller", "action", "from_status", "to_status", "actor_label")
    list_filter = ("to_status", "action")
    search_fields = ("seller__name", "actor_label", "reason")
    list_select_related = ("seller",)


@admin.register(CardExpiryNotice)
class CardExpiryNoticeAdmin(admin.ModelAdmin):
    list_display = ("sent_at", "seller", "card_expires_on", "threshold")
    list_select_related = ("seller",)

    def has_change_permission(self, request, obj=None):
        return False
