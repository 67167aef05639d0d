from django.urls import path

from sellers.fulfilment import views

app_name = "fulfilment"

urlpatterns = [
    path("parcels/", views.parcel_list, name="parcels"),
    path("parcels/<int:pk>/", views.parcel_detail, name="parcel"),
    path("parcels/<int:pk>/tracking/", views.parcel_tracking, name="parcel-tracking"),
    path("parcels/<int:pk>/check/", views.parcel_check, name="parcel-check"),
    path("parcels/<int:pk>/dispatch/", views.parcel_dispatch, name="parcel-dispatch"),
    path("documents/<int:pk>/", views.document_download, name="document"),
    path("orders/<str:number>/tracking/", views.order_tracking, name="order-tracking"),
]
