"""Stock strategy part: a product that cannot go to the buyer's country cannot be bought.

The check is lazy: product cards, which only show prices, cost no extra query; the product page,
the basket form and the checkout, which ask about availability, run ``can_reach``.
"""

from functools import cached_property

from marketplace.currency.selection import buyer_country
from shipping.reach import can_reach


class CannotShipPolicy:
    def __init__(self, policy, product, country, request=None, stockrecord=None):
        self.policy, self.product, self.country = policy, product, country
        self.request, self.stockrecord = request, stockrecord

    @cached_property
    def verdict(self):
        return can_reach(self.product, self.country, stockrecord=self.stockrecord)

    @property
    def is_available_to_buy(self):
        return self.policy.is_available_to_buy and self.verdict[0]

    def is_purchase_permitted(self, quantity):
        ok, reasons = self.verdict
        if not ok:
            return False, " ".join(reasons)
        return self.policy.is_purchase_permitted(quantity)

    @property
    def code(self):
        return self.policy.code if self.verdict[0] else "cannot-ship"

    @property
    def message(self):
        return self.policy.message if self.verdict[0] else " ".join(self.verdict[1])

    @property
    def short_message(self):
        return self.message

    def __getattr__(self, name):
        return getattr(self.policy, name)


class ShipsToBuyerCountry:
    """Mix into the strategy before Oscar's availability classes."""

    def availability_policy(self, product, stockrecord):
        policy = super().availability_policy(product, stockrecord)
        if self.request is None or stockrecord is None:
            return policy
        country = buyer_country(self.request)
        return CannotShipPolicy(policy, product, country, self.request, stockrecord)
