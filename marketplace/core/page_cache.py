"""Whole-page caching of anonymous storefront pages.

A cached page is keyed by the storefront version (``marketplace.core.cache``), the language,
the buyer's display choices (``vary_on``: the currency app registers the resolved country,
currency and rate freshness) and the full path. Any change to what a storefront page shows
(product, price, stock, seller, category, vocabulary, CMS page) bumps the version, so the next
request renders afresh: a price change shows at once, and stale entries simply expire.

Only anonymous visitors without a basket, a session or pending messages get cached pages,
and only responses that set no cookie are stored: nothing personal is ever shared. A form's
CSRF token is stored as a placeholder and each visitor gets a fresh token of their own.
"""

import hashlib
import re
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils.translation import get_language

from marketplace.core.cache import STOREFRONT, versioned_key

PAGE_TIMEOUT = 300
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


def page_key(request):
    """Version, language, the buyer's display choices (``vary_on``) and path."""
    choices = "|".join(variant(request) for variant in _variants)
    digest = hashlib.sha256(f"{choices}\n{request.get_full_path()}".encode()).hexdigest()
    return versioned_key(STOREFRONT, f"page:{get_language()}:{digest}")


def _is_shareable(response):
    """A 200 that sets no cookie of its own (CSRF aside: its token is never stored)."""
    return response.status_code == 200 and not response.cookies


def _without_csrf_token(content):
    return CSRF_INPUT.sub(rb"\1" + CSRF_PLACEHOLDER + rb"\2", content)


def _with_csrf_token(request, content):
    if CSRF_PLACEHOLDER not in content:
        return content
    return content.replace(CSRF_PLACEHOLDER, get_token(request).encode())


def serve_cached(request, render):
    """Return the cached page for ``request`` or render, store and return it."""
    if not is_cacheable_request(request):
        return render()
    key = page_key(request)
    hit = cache.get(key)
    if hit is not None:
        content, content_type = hit
        response = HttpResponse(_with_csrf_token(request, content), content_type=content_type)
        response["X-Page-Cache"] = "hit"
        return response
    response = render()
    if hasattr(response, "render") and not response.is_rendered:
        response.render()
    if _is_shareable(response):
        stored = _without_csrf_token(response.content)
        cache.set(key, (stored, response["Content-Type"]), PAGE_TIMEOUT)
    response["X-Page-Cache"] = "miss"
    return response


def cache_anonymous_page(view):
    """Decorator for a view function (or, through ``method_decorator``, a view's dispatch)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        return serve_cached(request, lambda: view(request, *args, **kwargs))

    return wrapper
