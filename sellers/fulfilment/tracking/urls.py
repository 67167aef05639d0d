from django.urls import path

from sellers.fulfilment.tracking import webhooks

app_name = "tracking"
urlpatterns = [
    path("<slug:carrier>/events/", webhooks.carrier_webhook, name="webhook"),
]
