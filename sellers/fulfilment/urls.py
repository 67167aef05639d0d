import datetime

from django.urls import path, register_converter

from sellers.fulfilment import views


class DayConverter:
    """An ISO day (``2026-12-04``) as a ``date``."""

    regex = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"

    def to_python(self, value):
        return datetime.date.fromisoformat(value)

    def to_url(self, value):
        return value.isoformat() if isinstance(value, datetime.date) else value


class ExportFormatConverter:
    regex = "csv|json"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(DayConverter, "day")
register_converter(ExportFormatConverter, "exportformat")

app_name = "fulfilment"

urlpatterns = [
    path("parcels/", views.parcel_list, name="parcels"),
    path("parcels/<int:pk>/", views.parcel_detail, name="parcel"),
    path("parcels/<int:pk>/tracking/", views.parcel_tracking, name="parcel-tracking"),
    path("parcels/<int:pk>/check/", views.parcel_check, name="parcel-check"),
    path("parcels/<int:pk>/dispatch/", views.parcel_dispatch, name="parcel-dispatch"),
    path(
        "parcels/<int:pk>/export.<exportformat:fmt>",
        views.parcel_declaration,
        name="parcel-declaration",
    ),
    path(
        "parcels/day/<day:day>/export.<exportformat:fmt>",
        views.day_declaration,
        name="day-declaration",
    ),
    path("documents/<int:pk>/", views.document_download, name="document"),
    path("orders/<str:number>/tracking/", views.order_tracking, name="order-tracking"),
]
