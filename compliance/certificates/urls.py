from django.urls import path

from compliance.certificates import views

app_name = "certificates"

urlpatterns = [
    path("sellers/<int:partner_pk>/", views.seller_certificates, name="seller"),
    path("sellers/<int:partner_pk>/products/", views.export_profiles, name="profiles"),
    path("<int:pk>/document/", views.document, name="document"),
    path("<int:pk>/verify/", views.verify, name="verify"),
]
