"""The product page's wholesale panel: rendered for the contacts of a verified company only.

Anonymous visitors never reach the query (and only their pages are cached whole, see
``marketplace.core.page_cache``); consumers and unverified companies get nothing either.
"""

from django import template

from wholesale.access import sees_wholesale
from wholesale.models import WholesaleOffer

register = template.Library()


@register.inclusion_tag("wholesale/panel.html", takes_context=True)
def wholesale_panel(context, stockrecord):
    request = context.get("request")
    if stockrecord is None or request is None or not sees_wholesale(request.user):
        return {"offer": None}
    offer = WholesaleOffer.objects.filter(stockrecord=stockrecord).prefetch_related("tiers").first()
    return {"offer": offer, "request": request, "csrf_token": context.get("csrf_token")}
