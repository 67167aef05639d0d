from functools import lru_cache

import nh3
from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_info

from catalog import cards, renditions
from themes import menu

register = template.Library()


@register.simple_tag
def craft_menu():
    return menu.craft_menu()


@lru_cache(maxsize=4096)
def _translated(path, code):
    """``path`` in language ``code`` (URL resolving and reversing, kept: the URLconf is fixed)."""
    return translate_url(path, code)


def _translated_paths(request):
    """The current page's path in each shipped language, query string kept."""
    query = f"?{request.GET.urlencode()}" if request.GET else ""
    return [(code, _translated(request.path, code) + query) for code, _name in settings.LANGUAGES]


@register.simple_tag(takes_context=True)
def language_links(context):
    request = context["request"]
    current = get_language()
    return [
        {
            "code": code,
            "url": path,
            "name": get_language_info(code)["name_local"],
            "current": code == current,
        }
        for code, path in _translated_paths(request)
    ]


@register.simple_tag(takes_context=True)
def language_alternates(context):
    """``<link rel=alternate hreflang>`` for the current page in every shipped language."""
    request = context.get("request")
    if request is None:
        return ""
    links = [
        (code, request.build_absolute_uri(_translated(request.path, code)))
        for code, _name in settings.LANGUAGES
    ]
    default = request.build_absolute_uri(_translated(request.path, settings.LANGUAGE_CODE))
    return format_html_join(
        "", '<link rel="alternate" hreflang="{}" href="{}">', links
    ) + format_html('<link rel="alternate" hreflang="x-default" href="{}">', default)


RICH_TEXT_TAGS = {"p", "br", "strong", "b", "em", "i", "ul", "ol", "li", "h3", "h4", "blockquote"}


@register.filter
def safe_rich_text(value):
    """Seller and staff HTML (product descriptions), cleaned to a small safe subset."""
    # Safe: nh3 keeps only the tags above, without any attribute (no handler, no link).
    return mark_safe(nh3.clean(value or "", tags=RICH_TEXT_TAGS, attributes={}))


@register.simple_tag(takes_context=True)
def product_cards(context, products, below_fold=False):
    """The cards of ``products`` (HTML, in order), rendered once and cached (``catalog.cards``).

    ``below_fold=True`` where the list starts below the first screen: no photo loads eagerly.
    """
    return cards.render_cards(context["request"], products, below_fold)


@register.inclusion_tag("oscar/partials/responsive_image.html")
def responsive_image(image, alt, sizes, width=800, height=800, lazy=False, priority=False):
    """An ``<img>`` with WebP ``srcset`` when the renditions exist, else the original file."""
    name = image.original.name
    ready = getattr(image, "renditions_ready", False)
    return {
        "src": renditions.rendition_url(name, 480) if ready else image.original.url,
        "srcset": renditions.srcset(name) if ready else "",
        "sizes": sizes,
        "alt": alt,
        "width": width,
        "height": height,
        "lazy": lazy,
        "priority": priority,
    }
