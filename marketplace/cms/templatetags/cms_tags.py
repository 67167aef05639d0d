"""Template tags for CMS pages and the links from product pages back to the CMS."""

from django import template
from django.conf import settings
from django.templatetags.static import static

from marketplace.cms import structured_data
from marketplace.cms.models import ArtisanStoryPage, CollectionPage

register = template.Library()


@register.simple_tag(takes_context=True)
def absolute_url(context, path):
    """``path`` as an absolute URL on the host the visitor used."""
    request = context.get("request")
    if not path or request is None:
        return path or ""
    return request.build_absolute_uri(path)


@register.filter
def plain_text(markup):
    """HTML as one line of plain text (for meta descriptions)."""
    return structured_data.plain_text(markup)


@register.simple_tag(takes_context=True)
def organization_json_ld(context):
    request = context["request"]
    logo = static("themes/img/favicon.svg")
    return structured_data.script(
        structured_data.organization(request, settings.OSCAR_SHOP_TAGLINE, logo)
    )


@register.simple_tag(takes_context=True)
def product_json_ld(context, product):
    request = context["request"]
    info = request.strategy.fetch_for_product(product)
    images = list(product.images.all())
    image_url = images[0].original.url if images else None
    return structured_data.script(structured_data.product(request, product, info, image_url))


@register.simple_tag
def product_features(product):
    """The live collections featuring ``product`` and its maker's story: two queries."""
    collections = list(
        CollectionPage.objects.live()
        .public()
        .filter(product_links__product=product)
        .distinct()
        .order_by("title")
    )
    seller = product.seller
    story = None
    if seller is not None:
        story = ArtisanStoryPage.objects.live().public().filter(seller=seller).first()
    return {"collections": collections, "story": story}
