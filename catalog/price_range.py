"""The list filter's price range, typed by the buyer in their currency (``price_min``,
``price_max``: 40, 40,50 or ٤٠ as their language writes it) and applied in MAD centimes.

The range is converted at today's rate of the buyer's currency (read once per request), so the
list's cached result is keyed by the MAD bounds; a page's cache key already holds the buyer's
currency (``marketplace.currency.selection.page_variant``).
"""

from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from django import forms
from django.utils.translation import pgettext_lazy

from marketplace.core.forms import LocalizedDecimalField
from marketplace.currency.display import for_request

HUNDRED = Decimal("100")


class PriceRangeForm(forms.Form):
    price_min = LocalizedDecimalField(
        label=pgettext_lazy("price range", "From"), required=False, min_value=0
    )
    price_max = LocalizedDecimalField(
        label=pgettext_lazy("price range", "To"), required=False, min_value=0
    )


def has_bounds(request):
    return any(name in request.GET for name in PriceRangeForm.base_fields)


def price_range_form(request):
    """The form, bound only when the query string gives a bound (else nothing to validate)."""
    return PriceRangeForm(request.GET) if has_bounds(request) else PriceRangeForm()


def mad_cents_bounds(form, display):
    """``{"price_min": cents, "price_max": cents}`` in MAD centimes for the bounds typed (in
    ``display``'s currency), widened to whole centimes so a price shown at the bound is kept."""
    if not form.is_bound or not form.is_valid():
        return {}
    bounds = {}
    for name, rounding in (("price_min", ROUND_FLOOR), ("price_max", ROUND_CEILING)):
        value = form.cleaned_data.get(name)
        if value is not None:
            mad = value / display.rate
            bounds[name] = str(int((mad * HUNDRED).to_integral_value(rounding)))
    return bounds


def selected_range(request):
    """The MAD bounds of the request's price range (empty when none or invalid)."""
    if not has_bounds(request):
        return {}
    return mad_cents_bounds(price_range_form(request), for_request(request))
