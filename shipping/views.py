"""Shipping views: the buyer's destination country."""

from django.conf import settings
from django.http import HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from marketplace.core.countries import is_country_code
from marketplace.currency.selection import COUNTRY_COOKIE
from shipping.services import served_countries

COOKIE_AGE = 365 * 24 * 3600


@require_POST
def set_country(request):
    """Remember the destination country in a cookie and go back to the page."""
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        target = "/"
    response = HttpResponseRedirect(target)
    country = request.POST.get("country", "").strip().upper()
    if is_country_code(country) and country in served_countries():
        response.set_cookie(
            COUNTRY_COOKIE,
            country,
            max_age=COOKIE_AGE,
            samesite="Lax",
            secure=settings.SESSION_COOKIE_SECURE,
        )
    return response
