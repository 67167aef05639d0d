"""Storefront pages under /<lang>/wholesale/ (namespace ``wholesale``) and the staff review
under /dashboard/wholesale/ (``dashboard_urlpatterns``)."""

from django.urls import path

from wholesale import views

app_name = "wholesale"

urlpatterns = [
    path("register/", views.RegisterView.as_view(), name="register"),
    path("company/", views.CompanyView.as_view(), name="company"),
]

dashboard_urlpatterns = [
    path("", views.ReviewQueueView.as_view(), name="wholesale-dashboard-queue"),
    path("<int:pk>/", views.ReviewView.as_view(), name="wholesale-dashboard-review"),
]
