from django.contrib import admin
from oscar.apps.shipping.admin import *

from shipping import models


class ServiceInline(admin.TabularInline):
    model = models.Service
    extra = 0


class ZoneInline(admin.TabularInline):
    model = models.Zone
    extra = 0


@admin.register(models.Carrier)
class CarrierAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "tracking_url_template")
    inlines = [ServiceInline, ZoneInline]


class RateInline(admin.TabularInline):
    model = models.Rate
    extra = 0


@admin.register(models.Service)
class ServiceAdmin(admin.ModelAdmin):
    list_display = (
        "__str__",
        "code",
        "is_postal",
        "bills_volumetric_weight",
        "ddp_available",
        "max_weight_kg",
        "max_length_cm",
        "max_value",
    )
    list_filter = ("carrier", "is_active")
    list_select_related = ("carrier",)
    inlines = [RateInline]


@admin.register(models.SellerShipping)
class SellerShippingAdmin(admin.ModelAdmin):
    list_display = ("partner", "packing_check_required")
