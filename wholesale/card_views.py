"""The buyer's card payment of a wholesale order's due payment: the order page's script posts
the card tokenised by Stripe.js here, then lands on the return page, which re-reads the intent
(the webhook may have recorded it already)."""

import stripe
from django import http
from django.contrib import messages
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views import View

from marketplace.currency.selection import buyer_currency
from wholesale import card
from wholesale.models import WholesaleCardPayment, WholesalePayment
from wholesale.quote_views import VerifiedBuyerMixin
from wholesale.quotes import QuoteError


class BuyerPaymentMixin(VerifiedBuyerMixin):
    def get_payment(self, pk, payment_pk):
        return get_object_or_404(
            WholesalePayment.objects.select_related("order"),
            pk=payment_pk,
            order_id=pk,
            order__company=self.company,
        )


def return_url(request, payment):
    path = reverse("wholesale:card-return", kwargs={"pk": payment.order_id, "payment": payment.pk})
    return request.build_absolute_uri(path)


@method_decorator(transaction.non_atomic_requests, name="dispatch")
class CardPaymentView(BuyerPaymentMixin, View):
    """JSON: create (or find) the intent of the payment; with ``payment_method``, confirm it."""

    http_method_names = ["post"]

    def post(self, request, pk, payment):
        due = self.get_payment(pk, payment)
        try:
            attempt, intent = card.pay(
                due.pk,
                request.user,
                buyer_currency(request),
                request.POST.get("charge", ""),
                request.POST.get("payment_method") or None,
            )
        except card.CardDeclined as error:
            return http.JsonResponse({"error": str(error)}, status=402)
        except QuoteError as error:
            due.refresh_from_db(fields=["paid_at"])
            if due.paid_at is not None:  # a second tab, a double click: paid once already
                return http.JsonResponse(
                    {"status": "succeeded", "return_url": return_url(request, due)}
                )
            return http.JsonResponse({"error": str(error)}, status=409)
        return http.JsonResponse(
            {
                "client_secret": intent.client_secret,
                "status": intent.status,
                "return_url": return_url(request, due),
                "attempt": attempt.pk,
            }
        )


@method_decorator(transaction.non_atomic_requests, name="dispatch")
class CardReturnView(BuyerPaymentMixin, View):
    """Settle the payment's latest attempt from Stripe, then show the order with the outcome."""

    def get(self, request, pk, payment):
        due = self.get_payment(pk, payment)
        attempt = due.card_payments.exclude(stripe_payment_intent=None).first()
        if attempt is not None and attempt.status == WholesaleCardPayment.PENDING:
            try:
                attempt = card.refresh(attempt)
            except stripe.StripeError:  # unreachable: the webhook records it later
                attempt = None
        due.refresh_from_db(fields=["paid_at"])
        if due.paid_at is not None:
            messages.success(request, _("Your card payment is received. Thank you."))
        elif attempt is not None and attempt.status == WholesaleCardPayment.FAILED:
            messages.error(
                request,
                _(
                    "Your card was declined and nothing was charged: try another card, or pay "
                    "by bank transfer."
                ),
            )
        else:
            messages.info(
                request, _("Your card payment is being confirmed: this page shows it once done.")
            )
        return redirect("wholesale:order", pk=due.order_id)
