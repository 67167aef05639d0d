"""The importer's reference a destination asks for on the CN22/CN23 and the invoice.

Where the destination collects its VAT at the sale (the regime's ``tax_at_checkout_up_to``:
EU IOSS up to EUR 150, UK VAT at the point of sale up to GBP 135), customs clear the parcel
against the marketplace's registration: its IOSS number in the EU, its UK VAT number in the
United Kingdom. Above the threshold, and for the United States and Canada, the buyer imports
and no reference is printed.
"""

from django.conf import settings
from django.utils import timezone

from compliance.landed_cost import regime_for
from marketplace.core.countries import EU
from marketplace.currency.defaults import DEFAULT_RATES
from marketplace.currency.money import convert


def tax_collected_at_sale(country, goods_mad, on=None, rates=None):
    regime = regime_for(country, on or timezone.localdate())
    if regime is None or regime.tax_at_checkout_up_to is None:
        return False
    value = convert(goods_mad, "MAD", regime.currency, rates or DEFAULT_RATES)
    return value <= regime.tax_at_checkout_up_to


def importer_reference(country, goods_mad, on=None):
    """The reference to print for a parcel of ``goods_mad`` to ``country``, or ""."""
    if country in EU:
        label, number = "IOSS", settings.CUSTOMS_IOSS_NUMBER
    elif country == "GB":
        label, number = "VAT", settings.CUSTOMS_UK_VAT_NUMBER
    else:
        return ""
    if not number or not tax_collected_at_sale(country, goods_mad, on):
        return ""
    return f"{label} {number}"
