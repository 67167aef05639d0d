"""Checkout pre-conditions: every line can be bought and may go to the address (each refusal
worded by its cause), every parcel has a service."""

from django.urls import reverse
from django.utils.translation import gettext as _
from oscar.apps.checkout.exceptions import FailedPreCondition

from marketplace.core.countries import country_name
from marketplace.core.memo import remembered
from shipping.reach import refused


class ShippingRulesMixin:
    """For checkout views (Oscar's CheckoutSessionMixin): the destination rules at checkout."""

    def shipping_country(self):
        if not hasattr(self, "_shipping_country"):
            address = self.get_shipping_address(self.request.basket)
            known = address is not None and address.country_id is not None
            self._shipping_country = address.country.iso_3166_1_a2 if known else None
        return self._shipping_country

    def check_basket_is_valid(self, request):
        """Oscar's check that every line can still be bought, each refusal worded by its cause
        (a destination rule or no carrier: its reason; sold out; a quantity limit)."""
        messages = [
            refusal_message(line, availability, reason)
            for line, availability, reason in basket_refusals(request)
        ]
        if messages:
            raise FailedPreCondition(url=reverse("basket:summary"), messages=messages)

    def get_shipping_method(self, basket, shipping_address=None, **kwargs):
        """Oscar's lookup, once per request: the method keeps its priced summary."""
        return remembered(
            ("shipping-method", basket.pk),
            lambda: super(ShippingRulesMixin, self).get_shipping_method(
                basket, shipping_address, **kwargs
            ),
        )

    def shipping_country_name(self):
        return country_name(self.shipping_country())

    def check_lines_ship_to_address(self, request):
        """Refuse a line that cannot reach the address's country (``shipping.reach``)."""
        country = self.shipping_country()
        if country is None:
            return
        lines = request.basket.all_lines()
        messages = [
            _("%(title)s cannot ship to %(country)s: %(reasons)s")
            % {
                "title": product.get_title(),
                "country": country_name(country),
                "reasons": " ".join(str(reason) for reason in reasons),
            }
            for product, reasons in refused(lines, country)
        ]
        if messages:
            messages.append(_("Remove it from your basket or ship to another address."))
            raise FailedPreCondition(url=reverse("basket:summary"), messages=messages)

    def check_every_parcel_ships(self, request):
        """Refuse a basket with a parcel that no chosen service can carry to the country."""
        method = self.get_shipping_method(request.basket, self.get_shipping_address(request.basket))
        summary = method.summary(request.basket) if hasattr(method, "summary") else None
        if summary is None or summary.shippable:
            return
        raise FailedPreCondition(
            url=reverse("checkout:shipping-method"),
            messages=[
                _("No service we offer can carry the parcel from %(seller)s to %(country)s.")
                % {
                    "seller": parcel.plan.partner.display_name,
                    "country": self.shipping_country_name(),
                }
                for parcel in summary.parcels
                if parcel.quote is None
            ],
        )


def basket_refusals(request):
    """(line, availability, reason) for each basket line that cannot be bought now."""
    found = []
    for line in request.basket.all_lines():
        availability = request.strategy.fetch_for_line(line).availability
        permitted, reason = availability.is_purchase_permitted(line.quantity)
        if not permitted:
            found.append((line, availability, reason))
    return found


def refusal_message(line, availability, reason):
    title = line.product.get_title()
    if availability.code == "cannot-ship":
        return _("“%(title)s” cannot be sent there: %(reason)s") % {
            "title": title,
            "reason": reason,
        }
    if not availability.is_available_to_buy:
        return _("“%(title)s” is sold out. Remove it from your basket to continue.") % {
            "title": title
        }
    return _("“%(title)s”: %(reason)s. Change the quantity to continue.") % {
        "title": title,
        "reason": reason,
    }
