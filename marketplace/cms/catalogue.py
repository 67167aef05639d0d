"""The catalogue as CMS pages see it.

Every product a page shows comes from ``Product.objects.purchasable()`` (the visibility rule
plus stock left to sell), so a sold or reserved unique piece, a hidden product or a suspended
seller's piece drops out of every page at its next render.
"""

from oscar.core.loading import get_model


def purchasable():
    """``Product.objects.purchasable()``, looked up when a page renders."""
    return get_model("catalogue", "Product").objects.purchasable()


def in_order(products, ids):
    """``products`` sorted as ``ids`` lists them (a curator's order)."""
    position = {pk: index for index, pk in enumerate(ids)}
    return sorted(products, key=lambda product: position[product.pk])
