"""Pricing and availability: the product's one stock record, sold only when the product has a
photo and its seller may sell (verified, card not expired: ``Partner.can_sell``, the Python face
of ``selling_q``; with the photo, the rule ``Product.is_sellable`` states)."""

from oscar.apps.partner import strategy as oscar_strategy

from shipping.availability import ShipsToBuyerCountry


class UseVerifiedSellerStockRecord:
    """Pick the seller's stock record; none when the product has no photo or the seller may not
    sell.

    A product has one stock record (a database constraint), so there is no "first record" guess.
    Reads the prefetch cache when the queryset used ``for_cards()``.
    """

    def select_stockrecord(self, product):
        if not product.has_photo:
            return None
        for record in product.stockrecords.all():
            if record.partner.can_sell:
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
