"""The countries a buyer may pick as destination: every country an active service reaches."""

from django.utils.translation import get_language

from marketplace.core.cache import SHIPPING, versioned
from marketplace.core.countries import country_choices as sorted_country_choices
from marketplace.core.countries import country_name
from marketplace.core.html import select_options
from shipping.services import served_countries


def country_choices():
    """(code, localised name) of every served country, sorted as the page language sorts
    (every storefront page's header shows them: kept until a shipping table changes)."""
    language = get_language()
    return versioned(
        SHIPPING,
        f"country-choices:{language}",
        lambda: sorted_country_choices(served_countries(), language),
    )


def country_options(selected):
    """The ``<option>`` elements of the served countries with ``selected`` marked (added first
    when no service reaches it yet: the buyer's own country), kept like ``country_choices``:
    every storefront page's header shows them."""

    def render():
        choices = country_choices()
        if selected not in {code for code, _name in choices}:
            choices = [(selected, country_name(selected)), *choices]
        return select_options(choices, selected)

    return versioned(SHIPPING, f"country-options:{get_language()}:{selected}", render)
