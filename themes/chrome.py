"""The page chrome (site header and footer), rendered once and kept with holes.

For a visitor who is not signed in and has no basket (every visitor of a cached page, and of a
list URL no page cache has seen) the header and the footer are the same on every page of one
language and one set of display choices (``page_cache.page_variant``: country, currency, rate)
but for a few *holes*: the URL the header's forms return to, the current page in each
language, the search query and the CSRF token. They are rendered once with a marker in each
hole, kept under the storefront version (``versioned``: every change they show bumps it, and
each worker keeps its own copy), and the holes are filled for each request, escaped as the
template would. A signed-in visitor, or one with a basket, gets them rendered afresh.

A never-seen list page spent a fifth of its time rendering the header (1.3 ms of 6.5).
"""

import re
from html import escape

from django.conf import settings
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from marketplace.core.cache import STOREFRONT, versioned
from marketplace.core.page_cache import page_variant
from marketplace.core.translated_urls import translated_path

HOLE = "\x1a{}\x1a"
HOLES = re.compile("\x1a([a-z-]+)\x1a")
NEXT = HOLE.format("next")
QUERY = HOLE.format("query")
CSRF = HOLE.format("csrf")


def language_hole(code):
    return HOLE.format(f"lang-{code}")


def is_holed(context):
    """Whether ``context`` renders the chrome for everyone (its holes as markers)."""
    return context.get("chrome_holes", False)


def shown_page(context):
    """The CMS page the template shows (Wagtail puts it in the context as ``page``), if any."""
    return context.get("page")


def current_paths(context):
    """The current page's path in each shipped language, query string kept."""
    request = context["request"]
    page = shown_page(context)
    query = f"?{request.GET.urlencode()}" if request.GET else ""
    return [
        (code, translated_path(request, code, page) + query) for code, _name in settings.LANGUAGES
    ]


class HoledRequest:
    """The request as the chrome sees it while rendered for everyone: its path is a hole."""

    def __init__(self, request):
        self._request = request

    def get_full_path(self):
        return NEXT

    def __getattr__(self, name):
        return getattr(self._request, name)


def _is_shared(context, request):
    """Whether the chrome ``context`` shows is everyone's: an anonymous visitor without a
    basket, on a page rendered with a CSRF token."""
    if request is None or request.user.is_authenticated:
        return False
    if settings.OSCAR_BASKET_COOKIE_OPEN in request.COOKIES:
        return False
    return context.get("csrf_token") not in (None, "NOTPROVIDED")


def _render_holed(template, context, request):
    with context.push(request=HoledRequest(request), csrf_token=CSRF, query=QUERY):
        with context.push(chrome_holes=True):
            return str(template.render(context))


def _fill(holed, context, request):
    fillers = {
        "next": lambda: request.get_full_path(),
        "query": lambda: str(context.get("query") or ""),
        "csrf": lambda: str(context["csrf_token"]),
    }
    paths = []

    def value(match):
        name = match.group(1)
        if name.startswith("lang-"):
            if not paths:
                paths.append(dict(current_paths(context)))
            return escape(paths[0].get(name.removeprefix("lang-"), ""))
        filler = fillers.get(name)
        return escape(filler()) if filler else match.group(0)

    return HOLES.sub(value, holed)


def render(context, template_name, **values):
    """``template_name`` rendered in ``context`` with ``values`` (as ``{% include ... with
    values %}``), from the kept copy where the visitor's chrome is everyone's."""
    template = context.template.engine.get_template(template_name)
    request = context.get("request")
    with context.push(**values):
        if not _is_shared(context, request):
            return template.render(context)
        choices = ":".join(f"{name}={value}" for name, value in sorted(values.items()))
        key = f"chrome:{template_name}:{get_language()}:{page_variant(request)}:{choices}"
        holed = versioned(STOREFRONT, key, lambda: _render_holed(template, context, request))
        # Safe: the template's own output, each hole filled with an escaped value.
        return mark_safe(_fill(holed, context, request))
