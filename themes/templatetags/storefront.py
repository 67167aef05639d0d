import nh3
from django import template
from django.conf import settings
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_info

from catalog import cards, renditions
from marketplace.core.translated_urls import translated_path
from themes import menu, trust

register = template.Library()


@register.simple_tag
def craft_menu():
    return menu.craft_menu()


@register.simple_tag(takes_context=True)
def basket_count(context):
    """The pieces in the visitor's basket. A visitor without a basket cookie who is not signed
    in has none: no basket is looked up for them (most storefront requests)."""
    request = context["request"]
    has_basket = settings.OSCAR_BASKET_COOKIE_OPEN in request.COOKIES
    if not request.user.is_authenticated and not has_basket:
        return 0
    return request.basket.num_items


@register.simple_tag
def trust_links():
    return trust.trust_links()


def _shown_page(context):
    """The CMS page this template shows (Wagtail puts it in the context as ``page``), if any."""
    return context.get("page")


def _translated_paths(context):
    """The current page's path in each shipped language, query string kept."""
    request = context["request"]
    page = _shown_page(context)
    query = f"?{request.GET.urlencode()}" if request.GET else ""
    return [
        (code, translated_path(request, code, page) + query) for code, _name in settings.LANGUAGES
    ]


@register.simple_tag(takes_context=True)
def language_links(context):
    current = get_language()
    return [
        {
            "code": code,
            "url": path,
            "name": get_language_info(code)["name_local"],
            "current": code == current,
        }
        for code, path in _translated_paths(context)
    ]


@register.simple_tag(takes_context=True)
def language_alternates(context):
    """``<link rel=alternate hreflang>`` for the current page in every shipped language."""
    request = context.get("request")
    if request is None:
        return ""
    page = _shown_page(context)
    urls = {
        code: request.build_absolute_uri(translated_path(request, code, page))
        for code, _name in settings.LANGUAGES
    }
    links = list(urls.items())
    default = urls[settings.LANGUAGE_CODE]
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
