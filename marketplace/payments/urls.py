from django.urls import path

from marketplace.payments import dashboard, webhooks

app_name = "payments"
urlpatterns = [
    path("stripe/webhook/", webhooks.stripe_webhook, name="stripe-webhook"),
]
dashboard_urlpatterns = [
    path("orders/<str:number>/refund/", dashboard.refund_view, name="refund"),
]
