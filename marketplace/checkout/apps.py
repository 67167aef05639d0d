"""Oscar's checkout, forked: the payment step pays through Stripe and places the order once."""

from django.urls import path
from oscar.apps.checkout import apps
from oscar.core.loading import get_class


class CheckoutConfig(apps.CheckoutConfig):
    name = "marketplace.checkout"

    def ready(self):
        super().ready()
        self.start_payment_view = get_class("checkout.views", "StartPaymentView")
        self.payment_return_view = get_class("checkout.views", "PaymentReturnView")

    def get_urls(self):
        urls = super().get_urls()
        urls += self.post_process_urls(
            [
                path("payment/start/", self.start_payment_view.as_view(), name="payment-start"),
                path(
                    "payment/<int:pk>/return/",
                    self.payment_return_view.as_view(),
                    name="payment-return",
                ),
            ]
        )
        return urls
