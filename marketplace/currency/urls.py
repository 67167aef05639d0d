from django.urls import path

from marketplace.currency import views

app_name = "currency"
urlpatterns = [path("", views.set_currency, name="set")]
