"""Product cards, rendered once and kept: a list page renders only the cards not yet cached.

A card shows nothing personal (title, photo, seller, region, price in MAD and in the buyer's
currency), so one rendering serves every visitor of the same language and currency. The key
holds the catalogue version (any product, price, stock or seller change renders cards afresh),
the language, the buyer's currency with its rate and date, and how the photo loads (the first
card's photo has priority, the fifth and later load lazily).
"""

from django.core.cache import cache
from django.template.loader import get_template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from catalog.page_cache import catalogue_version
from marketplace.currency.rates import current_rate
from marketplace.currency.selection import buyer_currency

TEMPLATE = "oscar/catalogue/partials/product_card.html"
TIMEOUT = 3600
EAGER_CARDS = 4


def loading(position):
    """How the card's photo loads: "priority" (first), "eager" (above the fold) or "lazy"."""
    if position == 1:
        return "priority"
    return "eager" if position <= EAGER_CARDS else "lazy"


def _rate_token(request):
    currency = buyer_currency(request)
    rate = current_rate(currency)
    return f"{currency}:{rate.rate}:{rate.date}" if rate else currency


def render_cards(request, products):
    """The HTML of each product's card, in order: cached ones read in one round trip."""
    by_id = {product.pk: product for product in products}
    return render_cards_of_ids(request, list(by_id), lambda ids: [by_id[pk] for pk in ids])


def render_cards_of_ids(request, ids, load):
    """The cards of the products ``ids``, in order; ``load(ids)`` fetches the products whose
    card is not cached (ready for cards: ``for_cards()``). A product gone meanwhile is left out.
    """
    prefix = f"card:{catalogue_version()}:{get_language()}:{_rate_token(request)}"
    keys = [f"{prefix}:{pk}:{loading(position)}" for position, pk in enumerate(ids, 1)]
    found = cache.get_many(keys)
    missing = [(position, key) for position, key in enumerate(keys, 1) if key not in found]
    if missing:
        template = get_template(TEMPLATE)
        loaded = {p.pk: p for p in load([ids[position - 1] for position, _key in missing])}
        rendered = {}
        for position, key in missing:
            product = loaded.get(ids[position - 1])
            if product is not None:
                context = {"request": request, "product": product, "position": position}
                rendered[key] = template.render(context)
        cache.set_many(rendered, TIMEOUT)
        found.update(rendered)
    return [mark_safe(found[key]) for key in keys if key in found]
