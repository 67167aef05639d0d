"""Product cards, rendered once and kept: a list page renders only the cards not yet cached.

A card shows nothing personal (title, photo, seller, region, price in MAD and in the buyer's
currency, sold out), so one rendering serves every visitor of the same language and currency.
The key holds the storefront version (a seller or vocabulary change renders every card afresh),
the language, the buyer's currency with its rate, date and freshness, the product and how the
photo loads (the first card's photo has priority, the fifth and later load lazily); the card
is kept with the product's token and availability it shows (``cache.product_states``, read in
the same round trip): a price, stock, photo or text change of the product renders its card
afresh, and no other.
"""

from django.core.cache import cache
from django.template.loader import get_template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from marketplace.core.cache import HELD, SOLD_OUT, STOREFRONT, product_states_and, versioned_key
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


def rate_token(request):
    """What a price shown to this buyer depends on: currency, rate, its date and freshness."""
    currency = buyer_currency(request)
    rate = current_rate(currency)
    if rate is None:
        return currency
    return f"{currency}:{rate.rate}:{rate.date}:{'fresh' if rate.is_fresh() else 'stale'}"


def render_cards(request, products, below_fold=False):
    """The HTML of each product's card, in order: cached ones read in one round trip.

    ``below_fold``: the list starts out of the first screen, so every photo loads lazily.
    """
    by_id = {product.pk: product for product in products}
    start = EAGER_CARDS + 1 if below_fold else 1
    return render_cards_of_ids(request, list(by_id), lambda ids: [by_id[pk] for pk in ids], start)


def render_cards_of_ids(request, ids, load, start=1):
    """The cards of the products ``ids``, in order; ``load(ids)`` fetches the products whose
    card is not cached (ready for cards: ``for_cards()``). A product gone meanwhile is left out.
    ``start`` is the first card's position on the page (``loading``).

    A card is kept under its product and position with the token and availability it was
    rendered for, so the products' states and their cards come in one round trip; a card of
    another token or availability is rendered again.
    """
    prefix = versioned_key(STOREFRONT, f"card:{get_language()}:{rate_token(request)}")
    positions = range(start, start + len(ids))
    keys = [f"{prefix}:{pk}:{loading(at)}" for at, pk in zip(positions, ids, strict=True)]
    states, stored = product_states_and(ids, keys)
    shown = {
        key: stored[key][1]
        for key, pk in zip(keys, ids, strict=True)
        if key in stored and stored[key][0] == states[pk]
    }
    missing = [(index, key) for index, key in enumerate(keys) if key not in shown]
    if missing:
        template = get_template(TEMPLATE)
        loaded = {p.pk: p for p in load([ids[index] for index, _key in missing])}
        rendered = {}
        for index, key in missing:
            product = loaded.get(ids[index])
            if product is not None:
                context = {
                    "request": request,
                    "product": product,
                    "position": positions[index],
                    "sold_out": states[product.pk][1] == SOLD_OUT,
                    "held": states[product.pk][1] == HELD,
                }
                rendered[key] = template.render(context)
        cache.set_many(
            {key: (states[ids[i]], rendered[key]) for i, key in missing if key in rendered}, TIMEOUT
        )
        shown.update(rendered)
    # Safe: each string is the autoescaped card template's own output, read back from the cache.
    return [mark_safe(shown[key]) for key in keys if key in shown]
