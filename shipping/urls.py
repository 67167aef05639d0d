from django.urls import path

from shipping import views

app_name = "shipping"

urlpatterns = [
    path("country/", views.set_country, name="set-country"),
]
