import nh3
from django import template
from django.conf import settings
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_info

from catalog import cards, renditions
from catalog.price_range import has_bounds
from marketplace.core import html
from marketplace.core.cache import STOREFRONT, versioned
from marketplace.core.translated_urls import translated_path
from themes import chrome, menu, trust

register = template.Library()
PRICE_RANGE_FIELDS = "oscar/catalogue/partials/price_range_fields.html"


@register.simple_tag
def craft_menu():
    return menu.craft_menu()


@register.simple_tag(takes_context=True)
def site_chrome(context, template_name, **values):
    """``{% include template_name with values %}``, kept for everyone where it may be
    (``themes.chrome``): the site header and footer."""
    return chrome.render(context, template_name, **values)


@register.simple_tag(takes_context=True)
def price_range_fields(context):
    """The list filter's price inputs, kept per language and currency while no bound is typed
    (the same on every list page: two form fields were a tenth of a list's render)."""
    template = context.template.engine.get_template(PRICE_RANGE_FIELDS)
    if has_bounds(context["request"]):
        return template.render(context)
    key = f"price-range-fields:{get_language()}:{context.get('buyer_currency')}"
    # Safe: the template's own output.
    return mark_safe(versioned(STOREFRONT, key, lambda: str(template.render(context))))


@register.simple_tag
def facet_links(options):
    """A facet's options as links with their counts (``marketplace.core.html.counted_links``)."""
    return html.counted_links(options)


@register.simple_tag
def hidden_inputs(params, *exclude):
    """Hidden inputs keeping the query parameters ``params`` but ``exclude``."""
    return html.hidden_inputs(params, exclude)


@register.simple_tag
def page_query(params, number):
    """The query string of page ``number`` of the list ``params`` shows (escaped as output)."""
    return html.page_query(params, number)


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


@register.simple_tag(takes_context=True)
def language_links(context):
    current = get_language()
    if chrome.is_holed(context):
        paths = [(code, chrome.language_hole(code)) for code, _name in settings.LANGUAGES]
    else:
        paths = chrome.current_paths(context)
    return [
        {
            "code": code,
            "url": path,
            "name": get_language_info(code)["name_local"],
            "current": code == current,
        }
        for code, path in paths
    ]


@register.simple_tag(takes_context=True)
def language_alternates(context):
    """``<link rel=alternate hreflang>`` for the current page in every shipped language."""
    request = context.get("request")
    if request is None:
        return ""
    page = chrome.shown_page(context)
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
