"""The currency selector: remembers the buyer's choice in the ``currency`` cookie."""

from django.http import HttpResponseBadRequest, HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from marketplace.currency.money import BUYER_CURRENCIES
from marketplace.currency.selection import COOKIE_MAX_AGE, COOKIE_NAME


@require_POST
def set_currency(request):
    currency = (request.POST.get("currency") or "").upper()
    if currency not in BUYER_CURRENCIES:
        return HttpResponseBadRequest("unknown currency")
    target = request.POST.get("next") or request.headers.get("referer") or "/"
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = "/"
    response = HttpResponseRedirect(target)
    response.set_cookie(
        COOKIE_NAME,
        currency,
        max_age=COOKIE_MAX_AGE,
        samesite="Lax",
        secure=request.is_secure(),
    )
    return response
