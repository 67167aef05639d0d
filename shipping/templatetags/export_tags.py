"""Product page panel: ships to the buyer's country or why not, a country selector, badges."""

from django import template
from django.utils import timezone

from catalog.certificates.models import Certificate
from catalog.certificates.rules import can_ship
from shipping.buyer import buyer_country, country_choices
from shipping.countries import country_name

register = template.Library()


@register.inclusion_tag("shipping/partials/ships_to.html", takes_context=True)
def ships_to_panel(context, product):
    request = context["request"]
    country = buyer_country(request)
    ok, reasons = can_ship(product, country)
    badges = Certificate.objects.filter(products=product).valid_on(timezone.localdate())
    return {
        "product": product,
        "country": country,
        "country_name": country_name(country),
        "ok": ok,
        "reasons": reasons,
        "choices": country_choices(),
        "badges": list(badges.order_by("type")),
        "next": request.get_full_path(),
        "csrf_token": context.get("csrf_token"),
    }
