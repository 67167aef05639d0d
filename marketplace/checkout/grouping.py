"""Basket lines grouped by seller: each seller ships its own parcel."""


def lines_by_seller(lines):
    """``[(seller, [lines])]`` in the order sellers first appear in the basket."""
    groups = {}
    for line in lines:
        seller = line.stockrecord.partner if line.stockrecord_id else None
        groups.setdefault(seller, []).append(line)
    return list(groups.items())
