"""Product page panel: ships to the buyer's country or why not, a country selector, badges."""

from django import template
from django.utils import timezone

from compliance.landed_cost import DAP, landed_cost
from compliance.rules import valid_certificates
from marketplace.core.countries import country_name, to_country
from marketplace.core.html import select_options
from marketplace.currency.selection import buyer_country
from shipping.buyer import country_choices, country_options
from shipping.methods import method_name
from shipping.reach import can_reach
from shipping.services import ParcelItem, ParcelPlan, RateTable

register = template.Library()


@register.inclusion_tag("shipping/partials/ships_to.html", takes_context=True)
def ships_to_panel(context, product):
    request = context["request"]
    country = buyer_country(request)
    ok, reasons = can_reach(product, country)
    badges = valid_certificates(product, timezone.localdate())
    badges = sorted(badges, key=lambda certificate: certificate.type)
    return {
        **(estimate(product, country) if ok else {}),
        "product": product,
        "country": country,
        "country_name": country_name(country),
        "to_country": to_country(country),
        "ok": ok,
        "reasons": reasons,
        "options": select_options(country_choices(), country),
        "badges": badges,
        "next": request.get_full_path(),
        "csrf_token": context.get("csrf_token"),
        "request": request,
    }


@register.inclusion_tag("shipping/partials/country_picker.html", takes_context=True)
def country_picker(context):
    """The header's "Deliver to" picker: the served countries, with the buyer's own country
    (from their browser) kept in the list even when no service reaches it yet."""
    request = context["request"]
    country = buyer_country(request)
    return {
        "country": country,
        "options": country_options(country),
        "next": request.get_full_path(),
        "csrf_token": context.get("csrf_token"),
    }


def estimate(product, country):
    """The cheapest and fastest delivery of one piece, and its duties and taxes estimate."""
    record = product.seller_stockrecord
    if record is None or record.price is None:
        return {}
    plan = ParcelPlan(record.partner, [ParcelItem(product, 1, record.price)])
    quotes = RateTable.for_country(country).quotes(plan)
    cheapest = next((q for q in quotes if q.cheapest), None)
    if cheapest is None:
        return {}
    landed = landed_cost(plan.items, country, shipping=cheapest.price, incoterm=DAP)
    fastest = next(q for q in quotes if q.fastest)
    return {"cheapest": cheapest, "fastest": fastest, "landed": landed}


@register.inclusion_tag("shipping/partials/order_parcels.html")
def order_parcels(order):
    """Each seller's parcel of ``order`` with its carrier tracking link (for order pages)."""
    return {"parcels": order.parcels.select_related("partner", "service__carrier")}


@register.filter
def address_lines(address):
    """An address's lines (Oscar's ``active_address_fields``) with its country named in the page
    language: Oscar stores the English name."""
    country = address.country if address.country_id else None
    english = {country.printable_name, country.name} if country else set()
    lines = address.active_address_fields()
    return [country_name(country.pk) if country and line in english else line for line in lines]


@register.filter
def country_label(code):
    """A country code's name in the page language."""
    return country_name(code) if code else ""


@register.filter
def shipping_method_name(order):
    """``order``'s shipping method in the page language (``shipping.methods.method_name``)."""
    return method_name(order.shipping_code, order.shipping_method)
