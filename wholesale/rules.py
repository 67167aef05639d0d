"""The wholesale quantity rules, in one place: the price tier for a quantity, the minimum order
quantity (MOQ), the case pack (order in multiples) and what makes a seller's offer coherent.

Pure functions on plain values (``Tier`` pairs, integers): the models, the seller's form, the
CSV import and the product page's panel all call these.

An offer is coherent when its tiers start at the MOQ (every quantity a buyer may order has a
price), rise strictly, each falls on a whole number of cases, and a larger tier never costs more
per piece than a smaller one.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext


@dataclass(frozen=True, order=True)
class Tier:
    min_quantity: int
    unit_price: Decimal


def tier_for(tiers, quantity):
    """The tier that prices ``quantity``: the largest threshold at or below it, or None."""
    eligible = [tier for tier in tiers if tier.min_quantity <= quantity]
    return max(eligible, key=lambda tier: tier.min_quantity) if eligible else None


def unit_price(tiers, quantity):
    tier = tier_for(tiers, quantity)
    return None if tier is None else tier.unit_price


def quantity_errors(quantity, minimum, case_pack):
    """Why ``quantity`` cannot be ordered (a list of messages; empty when it can)."""
    errors = []
    if quantity < minimum:
        errors.append(
            ngettext(
                "The minimum order is %(count)s piece.",
                "The minimum order is %(count)s pieces.",
                minimum,
            )
            % {"count": minimum}
        )
    if case_pack > 1 and quantity % case_pack:
        errors.append(
            ngettext(
                "Order in cases of %(count)s piece.",
                "Order in cases of %(count)s pieces.",
                case_pack,
            )
            % {"count": case_pack}
        )
    return errors


def orderable_quantity(quantity, minimum, case_pack):
    """The smallest quantity at or above ``quantity`` that the offer takes (its minimum, in
    whole cases): what a reorder proposes when the offer changed since."""
    quantity = max(quantity, minimum)
    case_pack = max(case_pack, 1)
    return -(-quantity // case_pack) * case_pack


def can_order(quantity, minimum, case_pack):
    return not quantity_errors(quantity, minimum, case_pack)


def line_total(tiers, quantity, minimum, case_pack):
    """What ``quantity`` pieces cost at the tier's unit price; None when it cannot be ordered."""
    price = unit_price(tiers, quantity)
    if price is None or not can_order(quantity, minimum, case_pack):
        return None
    return price * quantity


def offer_errors(minimum, case_pack, tiers):
    """What is wrong with an offer: [(part, message)], part being "minimum" or "tiers"."""
    errors = []
    if case_pack > 1 and minimum % case_pack:
        errors.append(("minimum", _("The minimum order must be a whole number of cases.")))
    if not tiers:
        return [*errors, ("tiers", _("Give at least one price tier."))]
    quantities = [tier.min_quantity for tier in tiers]
    if len(set(quantities)) != len(quantities):
        errors.append(("tiers", _("Two tiers start at the same quantity.")))
        return errors
    ordered = sorted(tiers)
    if ordered[0].min_quantity != minimum:
        errors.append(("tiers", _("The first tier starts at the minimum order quantity.")))
    if case_pack > 1 and any(tier.min_quantity % case_pack for tier in ordered):
        errors.append(("tiers", _("Each tier starts at a whole number of cases.")))
    pairs = zip(ordered, ordered[1:], strict=False)
    if any(later.unit_price > earlier.unit_price for earlier, later in pairs):
        errors.append(("tiers", _("A larger tier cannot cost more per piece.")))
    return errors


def parse_tiers(text):
    """'12:950|48:850' (quantity:price in MAD, decimal comma accepted) -> [Tier]; ValueError."""
    tiers = []
    for part in filter(None, (piece.strip() for piece in text.split("|"))):
        quantity, separator, price = part.partition(":")
        if not separator:
            raise ValueError(part)
        try:
            tiers.append(Tier(int(quantity.strip()), Decimal(price.strip().replace(",", "."))))
        except (ArithmeticError, ValueError) as error:
            raise ValueError(part) from error
    return tiers


def format_tiers(tiers):
    return "|".join(f"{tier.min_quantity}:{tier.unit_price}" for tier in sorted(tiers))
