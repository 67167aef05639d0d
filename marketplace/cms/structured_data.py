"""schema.org JSON-LD for search engines: the shop (Organization) and a product with its offer."""

import html
import json
import re

import nh3
from django.conf import settings
from django.utils.html import format_html
from django.utils.safestring import mark_safe

IN_STOCK = "https://schema.org/InStock"
OUT_OF_STOCK = "https://schema.org/OutOfStock"
JSON_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


BLOCK_END = re.compile(r"<(?:br|/p|/li|/h\d|/blockquote)\b[^>]*>", re.IGNORECASE)
SPACES = re.compile(r"\s+")


def plain_text(markup):
    """Seller HTML as one line of plain text: tags dropped, script and style contents removed,
    a space where a paragraph or line ended."""
    text = nh3.clean(BLOCK_END.sub(" ", markup or ""), tags=set())
    return SPACES.sub(" ", html.unescape(text)).strip()


def script(data):
    """A ``<script type="application/ld+json">`` that cannot close itself early."""
    payload = json.dumps(data, ensure_ascii=False).translate(JSON_ESCAPES)
    # Safe: JSON with <, > and & written as \u escapes, so no text can end the script element.
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))


def organization(request, description, logo_url):
    home = request.build_absolute_uri("/")
    return {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": settings.OSCAR_SHOP_NAME,
        "url": home,
        "logo": request.build_absolute_uri(logo_url),
        "description": str(description),
        "areaServed": "Worldwide",
        "address": {"@type": "PostalAddress", "addressCountry": "MA"},
    }


def product(request, product, purchase_info, image_url=None):
    """Product with brand (the seller) and one offer (price, currency, availability)."""
    url = request.build_absolute_uri(product.get_absolute_url())
    seller = purchase_info.stockrecord.partner if purchase_info.stockrecord else None
    data = {
        "@context": "https://schema.org",
        "@type": "Product",
        "name": product.get_title(),
        "url": url,
        "sku": product.upc or str(product.pk),
    }
    if product.description:
        data["description"] = plain_text(product.description)[:500]
    if image_url:
        data["image"] = [request.build_absolute_uri(image_url)]
    if seller:
        data["brand"] = {"@type": "Brand", "name": seller.display_name}
    if purchase_info.price.exists:
        available = purchase_info.availability.is_available_to_buy
        data["offers"] = {
            "@type": "Offer",
            "url": url,
            "price": f"{purchase_info.price.incl_tax:.2f}",
            "priceCurrency": purchase_info.price.currency,
            "availability": IN_STOCK if available else OUT_OF_STOCK,
            "itemCondition": "https://schema.org/NewCondition",
        }
        if seller:
            data["offers"]["seller"] = {"@type": "Organization", "name": seller.display_name}
    return data
