"""Pricing and availability: the product's one stock record, sold only by a verified seller."""

from oscar.apps.partner import strategy as oscar_strategy

from shipping.availability import ShipsToBuyerCountry


class UseVerifiedSellerStockRecord:
    """Pick the seller's stock record; none when the seller is not verified.

    A product has one stock record (a database constraint), so there is no "first record" guess.
    Reads the prefetch cache when the queryset used ``for_cards()``.
    """

    def select_stockrecord(self, product):
        for record in product.stockrecords.all():
            if record.partner.is_verified:
                return record
        return None


class Marketplace(
    ShipsToBuyerCountry,
    UseVerifiedSellerStockRecord,
    oscar_strategy.StockRequired,
    oscar_strategy.NoTax,
    oscar_strategy.Structured,
):
    """Prices in the seller's currency (MAD); duties and taxes come from shipping's landed cost."""


class Selector:
    def strategy(self, request=None, user=None, **kwargs):
        return Marketplace(request)
