"""Whole-page caching of anonymous storefront pages.

A cached page is keyed by the catalogue version, the language and the full path. Any change to
what a storefront page shows (product, price, stock, seller, category, vocabulary, CMS page)
bumps the version, so the next request renders afresh: a price change shows at once, and stale
entries simply expire.

Only anonymous visitors without a basket, a session or pending messages get cached pages,
and only responses that set no cookie are stored: nothing personal is ever shared. A form's
CSRF token is stored as a placeholder and each visitor gets a fresh token of their own.
"""

import hashlib
import re
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils.translation import get_language

from marketplace.request_memo import forget, remembered

VERSION_KEY = "catalogue:version"
PAGE_TIMEOUT = 300
PRIVATE_COOKIES = (settings.SESSION_COOKIE_NAME, "messages")
CSRF_INPUT = re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]*(")')
CSRF_PLACEHOLDER = b"__CSRF_TOKEN__"


# Narrower versions for reference data that most catalogue changes leave alone, so a price
# change does not make every page re-read the vocabularies or the shipping tables. A change to
# one of them bumps the catalogue version too (pages show them).
VOCABULARY = "vocabulary:version"  # crafts, regions, materials, techniques
SHIPPING = "shipping:version"  # carriers, services, zones, rates, import regimes, duty rates
RULES = "rules:version"  # destination rules


def _read_version(key):
    version = cache.get(key)
    if version is None:
        cache.add(key, 1, timeout=None)
        version = cache.get(key, 1)
    return version


def version(key):
    """A version counter, read once per request (a request sees one state of the data)."""
    return remembered(key, lambda: _read_version(key))


def catalogue_version():
    """The version of everything a storefront page shows."""
    return version(VERSION_KEY)


def _increment(key):
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, 2, timeout=None)
    forget(key)


def _bump(key):
    """Bump now (this transaction sees its change) and again on commit: a page another request
    rendered meanwhile, from the data before the commit, is never served after it."""
    _increment(key)
    if connection.in_atomic_block:
        transaction.on_commit(lambda: _increment(key))


def bump_catalogue_version(**kwargs):
    _bump(VERSION_KEY)


def bumper(key):
    """A signal receiver bumping ``key`` and the catalogue version."""

    def bump(**kwargs):
        _bump(key)
        _bump(VERSION_KEY)

    return bump


bump_vocabulary_version = bumper(VOCABULARY)
bump_shipping_version = bumper(SHIPPING)
bump_rules_version = bumper(RULES)


def is_cacheable_request(request):
    if not settings.STOREFRONT_PAGE_CACHE:
        return False
    if request.method not in ("GET", "HEAD") or request.user.is_authenticated:
        return False
    cookies = (*PRIVATE_COOKIES, settings.OSCAR_BASKET_COOKIE_OPEN)
    return not any(name in request.COOKIES for name in cookies)


def page_key(request):
    """Version, language, the buyer's display choices (currency, country cookies) and path."""
    choices = "|".join(request.COOKIES.get(name, "") for name in settings.PAGE_CACHE_VARY_COOKIES)
    digest = hashlib.sha256(f"{choices}\n{request.get_full_path()}".encode()).hexdigest()
    return f"page:{catalogue_version()}:{get_language()}:{digest}"


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


def connect():
    """Bump the catalogue version whenever something a storefront page shows changes."""
    from django.db.models.signals import m2m_changed, post_delete, post_save
    from oscar.core.loading import get_model
    from wagtail.signals import page_published, page_unpublished

    catalogue = [
        get_model("catalogue", name) for name in ("Product", "ProductCategory", "ProductImage")
    ] + [get_model("partner", "StockRecord"), get_model("partner", "Partner")]
    vocabulary = [
        get_model("catalogue", name) for name in ("Category", "Region", "Material", "Technique")
    ]
    for models, receiver in (
        (catalogue, bump_catalogue_version),
        (vocabulary, bump_vocabulary_version),
    ):
        for model in models:
            uid = f"page-cache-{model._meta.label}"
            post_save.connect(receiver, sender=model, dispatch_uid=uid)
            post_delete.connect(receiver, sender=model, dispatch_uid=f"{uid}-del")
    Product = catalogue[0]
    for through in (Product.materials.through, Product.techniques.through):
        m2m_changed.connect(bump_catalogue_version, sender=through, dispatch_uid=f"pc-{through}")
    page_published.connect(bump_catalogue_version, dispatch_uid="page-cache-published")
    page_unpublished.connect(bump_catalogue_version, dispatch_uid="page-cache-unpublished")
