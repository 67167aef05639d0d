"""A page's URL in another language: one rule for the sitemap, the language switcher and the
``<link rel=alternate hreflang>`` tags.

A CMS page has a translated slug per language (wagtail-modeltranslation stores ``url_path_<lang>``),
so its URL in a language is the page's own URL built with that language active. Any other page
(catalogue, basket, search...) keeps its path and only swaps the language prefix.
"""

from functools import lru_cache

from django.urls import translate_url
from django.utils.translation import get_language, override
from wagtail.models import Page


@lru_cache(maxsize=4096)
def _prefix_swapped(path, language):
    """``path`` in ``language`` (URL resolving and reversing, kept: the URLconf is fixed)."""
    return translate_url(path, language)


def cms_page_url(page, language, request=None):
    """The relative URL of CMS ``page`` in ``language`` (its translated slugs), or None."""
    with override(language):
        return page.get_url(request=request)


def translated_path(request, language, page=None):
    """The path of the current request in ``language``: ``page``'s translated URL when the
    request shows that CMS page, else the same path under the other language prefix."""
    if isinstance(page, Page) and cms_page_url(page, get_language(), request) == request.path:
        url = cms_page_url(page, language, request)
        if url:
            return url
    return _prefix_swapped(request.path, language)
