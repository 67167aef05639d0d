"""Oscar's shipping repository: per-seller parcels priced from the rate tables."""

from oscar.apps.shipping import repository
from oscar.core.loading import get_class

from marketplace.currency.selection import buyer_country
from shipping.selection import current_selection

ParcelsMethod = get_class("shipping.methods", "ParcelsMethod")
PendingShipping = get_class("shipping.methods", "PendingShipping")


class Repository(repository.Repository):
    def get_available_shipping_methods(self, basket, shipping_addr=None, **kwargs):
        """The buyer's selection (``selection=`` or the checkout session's) as one method,
        else the sum of the cheapest or of the fastest parcels; without an address (the basket
        page), shipping is pending, with an estimate to the buyer's country."""
        if shipping_addr is None or shipping_addr.country_id is None:
            request = kwargs.get("request")
            if request is None:
                return super().get_available_shipping_methods(basket, shipping_addr, **kwargs)
            return [PendingShipping(buyer_country(request), basket)]
        country = shipping_addr.country.iso_3166_1_a2
        selection = kwargs.get("selection") or _session_selection(kwargs.get("request"))
        if selection is not None:
            return [ParcelsMethod.for_selection(country, selection)]
        return [ParcelsMethod(country, "cheapest"), ParcelsMethod(country, "fastest")]


def _session_selection(request):
    if request is None:
        return None
    return current_selection(request)
