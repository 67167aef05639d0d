"""Checkout views: Oscar's, with a Stripe payment step.

The preview page locks the exchange rate on the basket and shows the card form. Its script
posts to ``payment-start`` (reserve stock, create the PaymentIntent), confirms the payment with
Stripe.js, then returns to ``payment-return``, which places the order (or finds it placed by
the webhook) and shows Oscar's thank-you page.
"""

from django import http
from django.conf import settings
from django.contrib import messages
from django.core.signing import BadSignature, Signer
from django.db import transaction
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views import generic
from oscar.apps.checkout.views import *  # noqa: F403
from oscar.apps.checkout.views import IndexView as OscarIndexView
from oscar.apps.checkout.views import PaymentDetailsView as OscarPaymentDetailsView
from oscar.apps.checkout.views import ShippingAddressView as OscarShippingAddressView
from oscar.apps.checkout.views import ShippingMethodView as OscarShippingMethodView
from oscar.apps.checkout.views import ThankYouView as OscarThankYouView
from oscar.core.loading import get_class, get_model

from marketplace.checkout.grouping import lines_by_seller
from marketplace.checkout.parcels_form import ParcelServicesForm, field_name
from marketplace.checkout.shipping_rules import ShippingRulesMixin
from marketplace.core.formats import format_date
from marketplace.currency.display import for_locked_rate, for_payment
from marketplace.currency.money import Money
from marketplace.currency.selection import buyer_country, buyer_currency
from marketplace.payments import service, settlement
from marketplace.payments.charges import checkout_charges, placed_charges, summary_charges
from marketplace.payments.confirmation import order_confirmation
from marketplace.payments.models import BasketRate, CheckoutPayment
from marketplace.payments.pricing import (
    RateUnavailable,
    StaleRate,
    charge_for,
    is_payable,
    lock_rate,
    price_order,
)
from marketplace.payments.reservations import PieceUnavailable
from marketplace.security.csp import allow_stripe_js
from shipping.selection import (
    ShippingSelection,
    current_selection,
    save_selection,
    selection_from_session,
)

CheckoutSessionMixin = get_class("checkout.session", "CheckoutSessionMixin")
CheckoutSessionData = get_class("checkout.utils", "CheckoutSessionData")
OrderNumberGenerator = get_class("order.utils", "OrderNumberGenerator")
ParcelsMethod = get_class("shipping.methods", "ParcelsMethod")
ShippingAddress = get_model("order", "ShippingAddress")
Order = get_model("order", "Order")

SESSION_PAYMENTS = "checkout_payment_ids"
BASKET_COOKIE = settings.OSCAR_BASKET_COOKIE_OPEN


class IndexView(ShippingRulesMixin, OscarIndexView):
    """The checkout's gateway; its returning-customer login is throttled like every login."""

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "request": self.request}


class ShippingAddressView(OscarShippingAddressView):
    """A new address starts in the buyer's country (the header's "Deliver to", else their
    browser's region, else the page language's), not in the first country of the list."""

    def get_initial(self):
        initial = super().get_initial() or {}
        if not initial.get("country"):
            initial = {**initial, "country": buyer_country(self.request)}
        return initial


class ShippingMethodView(ShippingRulesMixin, OscarShippingMethodView):
    """The shipping step: every seller's parcel with its services, prices and delivery
    estimates; the buyer picks a service per parcel (or the cheapest/fastest for all) and
    DDP or DAP. The choice is kept in the checkout session."""

    pre_conditions = [*OscarShippingMethodView.pre_conditions, "check_lines_ship_to_address"]
    form_class = ParcelServicesForm

    def get(self, request, *args, **kwargs):
        if not self.checkout_session.is_shipping_address_set():
            messages.error(request, _("Please choose a shipping address"))
            return redirect("checkout:shipping-address")
        return generic.FormView.get(self, request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        prefer = request.POST.get("prefer")
        if prefer:
            selection = self.selection()
            save_selection(self.checkout_session, ShippingSelection({}, prefer, selection.incoterm))
            return redirect("checkout:shipping-method")
        return generic.FormView.post(self, request, *args, **kwargs)

    def selection(self):
        return selection_from_session(self.checkout_session) or ShippingSelection()

    def summary(self):
        if not hasattr(self, "_summary"):
            selection = self.selection().frozen()
            method = ParcelsMethod.for_selection(self.shipping_country(), selection)
            self._summary = method.summary(self.request.basket)
        return self._summary

    def get_form_kwargs(self):
        kwargs = generic.FormView.get_form_kwargs(self)
        selection = self.selection()
        initial = {"incoterm": selection.incoterm}
        for parcel in self.summary().parcels:
            initial[field_name(parcel)] = parcel.quote.service.code if parcel.quote else ""
        kwargs.update(
            summary=self.summary(), country_name=self.shipping_country_name(), initial=initial
        )
        return kwargs

    def get_context_data(self, **kwargs):
        ctx = generic.FormView.get_context_data(self, **kwargs)
        form = ctx["form"]
        ctx.update(
            summary=self.summary(),
            parcel_fields=[(parcel, form[field_name(parcel)]) for parcel in self.summary().parcels],
            selection=self.selection(),
            shipping_country_name=self.shipping_country_name(),
            summary_charges=summary_charges(self.summary()),
        )
        return ctx

    def form_valid(self, form):
        selection = self.selection()
        save_selection(
            self.checkout_session,
            ShippingSelection(form.choices, selection.prefer, form.cleaned_data["incoterm"]),
        )
        self.checkout_session.use_shipping_method("parcels")
        return redirect("checkout:preview")


class PaymentDetailsView(ShippingRulesMixin, OscarPaymentDetailsView):
    """Skips Oscar's empty payment-details step: the card is entered on the preview page."""

    pre_conditions = [
        *OscarPaymentDetailsView.pre_conditions,
        "check_lines_ship_to_address",
        "check_every_parcel_ships",
    ]

    def get(self, request, *args, **kwargs):
        if not self.preview:
            return redirect("checkout:preview")
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        return http.HttpResponseNotAllowed(["GET"])

    def render_to_response(self, context, **kwargs):
        """The preview page loads Stripe.js: its hosts are allowed on this page only."""
        return allow_stripe_js(super().render_to_response(context, **kwargs))

    def get_context_data(self, **kwargs):
        ctx = super().get_context_data(**kwargs)
        basket = self.request.basket
        try:
            locked = lock_rate(basket, buyer_currency(self.request))
        except StaleRate as stale:
            ctx["stale_rate"] = stale_rate_message(stale.currency, stale.date)
            locked = None
        except RateUnavailable:
            locked = lock_rate(basket, "MAD")
        total = ctx["order_total"]
        summary = getattr(ctx.get("shipping_charge"), "summary", None)
        parcels = {p.plan.partner.pk: p for p in summary.parcels} if summary else {}
        ctx.update(
            shipping_summary=summary,
            seller_groups=[
                (seller, lines, parcels.get(seller.pk if seller else None))
                for seller, lines in lines_by_seller(basket.all_lines())
            ],
            parcel_count=len({line.stockrecord.partner_id for line in basket.all_lines()}),
            locked_rate=locked,
            money_display=for_locked_rate(locked),
            charges=checkout_charges(
                basket, ctx["shipping_charge"], ctx.get("surcharges"), total, summary
            )
            if total
            else None,
            charge=charge_for(total.incl_tax, locked) if total and locked else None,
            stripe_publishable_key=settings.STRIPE_PUBLISHABLE_KEY,
            stripe_js_url=settings.STRIPE_JS_URL,
            stripe_test_mode=settings.STRIPE_TEST_MODE,
            rate_lock=rate_lock_token(locked) if locked else "",
        )
        return ctx


def stale_rate_message(currency, date):
    """Why no payment can be taken in ``currency`` now (its newest rate is too old)."""
    return _(
        "Our exchange rate for %(currency)s dates from %(date)s, more than 48 hours ago: "
        "we cannot take a payment in %(currency)s until it is updated. You can pay in "
        "Moroccan dirhams (MAD) instead, or come back later."
    ) % {"currency": currency, "date": format_date(date, length="long")}


def rate_lock_token(locked):
    """What the preview page posts back, to prove the buyer saw the amount at this rate."""
    return f"{locked.pk}:{locked.locked_at.isoformat()}"


def shipping_address_data(address):
    """A ShippingAddress (unsaved) as JSON-safe fields, to rebuild it when the order is placed."""
    data = {}
    for field in ShippingAddress._meta.concrete_fields:
        if field.primary_key:
            continue
        value = getattr(address, field.attname)
        data[field.attname] = value if value is None else str(value)
    return data


@method_decorator(transaction.non_atomic_requests, name="dispatch")
class StartPaymentView(ShippingRulesMixin, CheckoutSessionMixin, generic.View):
    """JSON endpoint: reserve the pieces and create the PaymentIntent for the preview's total.

    With ``payment_method`` (a card tokenised by Stripe.js' Card Element) the intent is also
    confirmed here; without, the browser confirms it (Payment Element).
    """

    pre_conditions = [
        "check_basket_is_not_empty",
        "check_basket_is_valid",
        "check_user_email_is_captured",
        "check_shipping_data_is_captured",
        "check_lines_ship_to_address",
        "check_every_parcel_ships",
    ]
    http_method_names = ["post"]

    def dispatch(self, request, *args, **kwargs):
        from oscar.apps.checkout.exceptions import FailedPreCondition

        self.checkout_session = CheckoutSessionData(request)
        if request.basket.is_empty:  # a frozen basket is no longer the request's basket
            payment = buyer_payment_in_flight(request)
            if payment is not None:
                return in_flight_response(request, payment)
        try:
            self.check_pre_conditions(request)
        except FailedPreCondition as error:
            return http.JsonResponse(
                {"error": " ".join(str(message) for message in error.messages)}, status=409
            )
        return generic.View.dispatch(self, request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        basket = request.basket
        locked = BasketRate.objects.filter(basket=basket).first()
        if locked is None or rate_lock_token(locked) != request.POST.get("rate_lock"):
            return http.JsonResponse(
                {"error": _("The exchange rate was updated: please review the new total.")},
                status=409,
            )
        if not is_payable(locked):
            return http.JsonResponse(
                {"error": stale_rate_message(locked.currency, locked.rate_date)}, status=409
            )
        address = self.get_shipping_address(basket)
        selection = current_selection(request)
        if selection is None:
            return http.JsonResponse(
                {"error": _("Please choose how your parcels ship.")}, status=409
            )
        method = ParcelsMethod.for_selection(self.shipping_country(), selection)
        priced = price_order(basket, method, request)
        total = priced.total
        charge = charge_for(total.incl_tax, locked)
        user = request.user if request.user.is_authenticated else None
        try:
            payment, intent = service.start_payment(
                basket,
                order_number=OrderNumberGenerator().order_number(basket),
                user=user,
                email=user.email if user else self.checkout_session.get_guest_email(),
                language=get_language(),
                shipping_address=shipping_address_data(address),
                shipping_method_code=method.code,
                shipping_selection=selection.as_json(),
                shipping_mad=priced.shipping_charge.incl_tax,
                total_mad=total.incl_tax,
                currency=charge.currency,
                rate=locked.rate,
                rate_date=locked.rate_date,
                amount=charge.amount,
            )
        except service.PaymentInFlight as error:
            return in_flight_response(request, error.payment)
        except (PieceUnavailable, service.PaymentError) as error:
            return http.JsonResponse({"error": str(error)}, status=409)
        request.session[SESSION_PAYMENTS] = [*request.session.get(SESSION_PAYMENTS, []), payment.pk]
        return_url = payment_return_url(request, payment)
        card = request.POST.get("payment_method")
        if card:
            try:
                intent = service.confirm_with_card(payment, card)
            except service.PaymentError as error:
                return http.JsonResponse({"error": str(error)}, status=402)
        return http.JsonResponse(
            {
                "client_secret": intent.client_secret,
                "status": intent.status,
                "return_url": return_url,
                "amount": Money(payment.amount, payment.currency).minor_units,
                "currency": payment.currency.lower(),
            }
        )


def payment_return_url(request, payment):
    return request.build_absolute_uri(reverse("checkout:payment-return", kwargs={"pk": payment.pk}))


def buyer_payment_in_flight(request):
    """The buyer's pending payment, found through this session's payments, the signed-in
    buyer's baskets or the basket cookie: once frozen, a basket is no longer request.basket."""
    whose = Q(pk__in=request.session.get(SESSION_PAYMENTS, []))
    if request.user.is_authenticated:
        whose |= Q(basket__owner=request.user)
    try:
        whose |= Q(basket_id=int(Signer().unsign(request.COOKIES[BASKET_COOKIE])))
    except (KeyError, ValueError, BadSignature):
        pass
    pending = CheckoutPayment.objects.filter(whose, status=CheckoutPayment.Status.PENDING)
    return pending.order_by("-pk").first()


def in_flight_response(request, payment):
    """Refuse a second payment of a basket: the payment already made or in progress instead."""
    state = {"status": payment.status, "state": str(payment.get_status_display())}
    if payment.pk in request.session.get(SESSION_PAYMENTS, []):
        state["return_url"] = payment_return_url(request, payment)
    return http.JsonResponse(
        {"error": str(service.in_flight_message(payment)), "payment": state}, status=409
    )


@method_decorator(transaction.non_atomic_requests, name="dispatch")
class PaymentReturnView(generic.TemplateView):
    """Where the buyer lands after paying: the order is placed (once) or the failure shown."""

    template_name = "oscar/checkout/payment_pending.html"

    def get(self, request, pk):
        if pk not in request.session.get(SESSION_PAYMENTS, []):
            raise http.Http404
        payment = get_object_or_404(CheckoutPayment, pk=pk)
        order = payment.order
        if order is None and payment.status == CheckoutPayment.Status.PENDING:
            order = settlement.settle(payment, service.fetch_intent(payment))
            payment.refresh_from_db()
        if order is None and payment.status == CheckoutPayment.Status.REFUNDED:
            order = Order.objects.filter(number=payment.order_number).first()
            if order is not None:  # another payment of the basket placed it: this one refunded
                messages.info(request, payment.failure_message)
        if order is not None:
            request.session["checkout_order_id"] = order.pk
            request.session.pop("checkout_data", None)
            return redirect("checkout:thank-you")
        if payment.status == CheckoutPayment.Status.PENDING:
            return self.render_to_response({"payment": payment})
        messages.error(
            request, payment.failure_message or _("Your payment did not go through: try again.")
        )
        request.basket = payment.basket  # thawed: keep it as the buyer's basket
        return redirect("checkout:preview")


class ThankYouView(OscarThankYouView):
    """Oscar's thank-you page, with each parcel, the duties and both amounts of the order."""

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        confirmation = order_confirmation(self.object)
        context.update(
            confirmation=confirmation,
            charges=placed_charges(confirmation),
            money_display=for_payment(confirmation.payment),
        )
        return context
