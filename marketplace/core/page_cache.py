"""Whole-page caching of anonymous storefront pages.

A cached page is keyed by the storefront version (``marketplace.core.cache``), the language,
the buyer's display choices (``vary_on``: the currency app registers the resolved country,
currency and rate freshness) and the full path. A change to what every page shows (seller,
vocabulary, shipping, rules, rates, CMS page) bumps the version, so the next request renders
afresh.

A change to one product bumps no version (``marketplace.core.invalidation``):
- a product page is keyed by its product's token as well (``stamp``): its price or stock change
  shows on it at once, and no other product's page is thrown away;
- every other page (lists, search, CMS pages showing cards) shows many products and is kept
  ``settings.STOREFRONT_LIST_PAGE_SECONDS``: a price change or a
  sale shows on lists within that bound. A list rendered afresh reads rows updated from the
  change log and the products' current cards, so it is current when rendered.

Only anonymous visitors without a basket, a session or pending messages get cached pages,
and only responses that set no cookie are stored: nothing personal is ever shared. A form's
CSRF token is stored as a placeholder and each visitor gets a fresh token of their own.
"""

import hashlib
import re
import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils.translation import get_language

from marketplace.core.cache import STOREFRONT, versioned_key
from marketplace.core.memo import remembered

PAGE_TIMEOUT = 300  # how long a page is kept (a list: served stale only while renewed)
RENEW_SECONDS = 10  # the longest a stale list is served while one request renders it
PRIVATE_COOKIES = (settings.SESSION_COOKIE_NAME, "messages")
CSRF_INPUT = re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]*(")')
CSRF_PLACEHOLDER = b"__CSRF_TOKEN__"


def is_cacheable_request(request):
    if not settings.STOREFRONT_PAGE_CACHE:
        return False
    if request.method not in ("GET", "HEAD") or request.user.is_authenticated:
        return False
    cookies = (*PRIVATE_COOKIES, settings.OSCAR_BASKET_COOKIE_OPEN)
    return not any(name in request.COOKIES for name in cookies)


_variants = []


def vary_on(variant):
    """Register ``variant(request) -> str``: what else a page depends on (a higher app's
    answer, registered from its ``AppConfig.ready``). Pages differing in it are cached apart."""
    if variant not in _variants:
        _variants.append(variant)
    return variant


def page_variant(request):
    """The buyer's display choices (``vary_on``) as one string, read once per request (the page
    key and the chrome ask for it: ``themes.chrome``)."""
    return remembered("page-variant", lambda: "|".join(variant(request) for variant in _variants))


def page_key(request, stamp=""):
    """Version, language, the buyer's display choices (``vary_on``), path and ``stamp`` (a
    product page: its product's token)."""
    choices = page_variant(request)
    digest = hashlib.sha256(f"{choices}\n{request.get_full_path()}".encode()).hexdigest()
    return versioned_key(STOREFRONT, f"page:{get_language()}:{digest}:{stamp}")


def _is_shareable(response):
    """A 200 that sets no cookie of its own (CSRF aside: its token is never stored)."""
    return response.status_code == 200 and not response.cookies


def _without_csrf_token(content):
    return CSRF_INPUT.sub(rb"\1" + CSRF_PLACEHOLDER + rb"\2", content)


def _with_csrf_token(request, content):
    if CSRF_PLACEHOLDER not in content:
        return content
    return content.replace(CSRF_PLACEHOLDER, get_token(request).encode())


def _renewing_key(key):
    return f"{key}:renewing"


def serve_cached(request, render, stamp=None):
    """Return the cached page for ``request`` or render, store and return it.

    ``stamp``: a callable giving the token of the one product the page shows (kept
    ``PAGE_TIMEOUT``); without it, the page shows many and is fresh for
    ``settings.STOREFRONT_LIST_PAGE_SECONDS``. Once that is over, the first request renders it
    again while the others are served the page as it was (``X-Page-Cache: stale``) for as long
    as that render takes (``RENEW_SECONDS`` at most): a busy list is not rendered by every
    request arriving at once.
    """
    if not is_cacheable_request(request):
        return render()
    key = page_key(request, stamp() if stamp else "")
    hit = cache.get(key)
    if hit is not None:
        content, content_type, fresh_until = hit
        fresh = fresh_until is None or time.time() < fresh_until
        if fresh or not cache.add(_renewing_key(key), 1, RENEW_SECONDS):
            response = HttpResponse(_with_csrf_token(request, content), content_type=content_type)
            response["X-Page-Cache"] = "hit" if fresh else "stale"
            return response
    response = render()
    if hasattr(response, "render") and not response.is_rendered:
        response.render()
    if _is_shareable(response):
        stored = _without_csrf_token(response.content)
        fresh_until = None if stamp else time.time() + settings.STOREFRONT_LIST_PAGE_SECONDS
        cache.set(key, (stored, response["Content-Type"], fresh_until), PAGE_TIMEOUT)
    if hit is not None:
        cache.delete(_renewing_key(key))
    response["X-Page-Cache"] = "miss"
    return response


def cache_anonymous_page(view):
    """Decorator for a view function (or, through ``method_decorator``, a view's dispatch)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        return serve_cached(request, lambda: view(request, *args, **kwargs))

    return wrapper
