"""A product list as bitmaps: what refining, counting and sorting a list of any size needs.

A list's rows (``catalog.facets.product_rows``) become, once per catalogue version:
- its product ids, in the order the rows came (a search: best first);
- one bitmap (a Python int, bit ``i`` for row ``i``) per facet value: a filter is an AND, a
  facet count the popcount of one;
- each sort order, as row positions.

Refining a list of 100,000 products then costs a few big-int operations and one pass over
the chosen order, and the index pickles as a few byte strings instead of a dict per product.

When products change, ``update`` applies their new rows to the index in place (``live`` marks
the rows still in the list, each order takes the row where it sorts), so a sale or a price edit
costs the list a read of the changed rows, not of the whole list.
"""

from array import array
from bisect import bisect_left, insort

from catalog import facets

NO_PRICE = -1


def _stamp(created):
    """A creation time as an integer to sort by (PostgreSQL rows carry it in µs already)."""
    if created is None:
        return 0
    return created if isinstance(created, int) else int(created.timestamp() * 1_000_000)


def _bitmap(positions, size):
    """The int whose bits are the given row positions."""
    flags = bytearray((size + 7) // 8)
    for position in positions:
        flags[position >> 3] |= 1 << (position & 7)
    return int.from_bytes(flags, "little")


def _orders(rows):
    """Row positions in each sort order; ties go to the newer id (the older for price, low to
    high), products without a price come last in both price orders. Relevance is the rows' own
    order when they are ranked (a search), else the newest id first."""
    positions = range(len(rows))
    pk = [row["pk"] for row in rows]
    cents = [row["cents"] for row in rows]
    created = [row["created"] for row in rows]
    ranked = any("rank" in row for row in rows)
    priced = [i for i in positions if cents[i] is not None]
    unpriced = sorted((i for i in positions if cents[i] is None), key=lambda i: pk[i])
    by_price = sorted(priced, key=lambda i: (cents[i], pk[i]))
    orders = {
        "relevance": list(positions) if ranked else sorted(positions, key=lambda i: -pk[i]),
        "newest": sorted(positions, key=lambda i: (created[i], pk[i]), reverse=True),
        "price-asc": by_price + unpriced,
        "price-desc": by_price[::-1] + unpriced[::-1],
    }
    return {key: array("i", order) for key, order in orders.items()}


def build(rows):
    """The index of a list's rows (ranked when the rows carry a ``rank``: a search)."""
    size = len(rows)
    positions = {facet: {} for facet in facets.FACETS}
    for index, row in enumerate(rows):
        for facet, by_value in positions.items():
            for value in row[facet]:
                by_value.setdefault(value, []).append(index)
    return {
        "size": size,
        "pks": array("q", [row["pk"] for row in rows]),
        "bitmaps": {
            facet: {value: _bitmap(found, size) for value, found in by_value.items()}
            for facet, by_value in positions.items()
        },
        "orders": _orders(rows),
        "by_pk": array("i", sorted(range(size), key=lambda i: rows[i]["pk"])),
        "cents": array("q", [NO_PRICE if row["cents"] is None else row["cents"] for row in rows]),
        "created": array("q", [_stamp(row["created"]) for row in rows]),
        "ranked": any("rank" in row for row in rows),
        "live": (1 << size) - 1,
    }


def everything(index):
    """The bitmap of the rows in the list (rows of products gone from it are left out)."""
    return index["live"]


def _sort_keys(index):
    """Each order's key of a row position, ascending along the order (as ``_orders`` sorts)."""
    pks, cents, created = index["pks"], index["cents"], index["created"]

    def price(i, sign):
        if cents[i] == NO_PRICE:
            return (1, 0, sign * pks[i])
        return (0, sign * cents[i], sign * pks[i])

    keys = {
        "newest": lambda i: (-created[i], -pks[i]),
        "price-asc": lambda i: price(i, 1),
        "price-desc": lambda i: price(i, -1),
    }
    if not index["ranked"]:
        keys["relevance"] = lambda i: -pks[i]
    return keys


def _find(index, pk):
    """The live row position of ``pk``, or None."""
    pks, by_pk = index["pks"], index["by_pk"]
    found = bisect_left(by_pk, pk, key=pks.__getitem__)
    if found < len(by_pk) and pks[by_pk[found]] == pk:
        return by_pk[found]
    return None


def _unset(index, position):
    """Take a row out of every bitmap and every order but relevance."""
    mask = ~(1 << position)
    for by_value in index["bitmaps"].values():
        for value, bitmap in list(by_value.items()):
            if bitmap >> position & 1:
                by_value[value] = bitmap & mask
    for name in _sort_keys(index):
        index["orders"][name].remove(position)


def _set(index, position, row):
    """Put a row into its facet bitmaps and every order but a ranked list's relevance."""
    flag = 1 << position
    index["cents"][position] = NO_PRICE if row["cents"] is None else row["cents"]
    index["created"][position] = _stamp(row["created"])
    for facet, by_value in index["bitmaps"].items():
        for value in row[facet]:
            by_value[value] = by_value.get(value, 0) | flag
    for name, key in _sort_keys(index).items():
        insort(index["orders"][name], position, key=key)


def update(index, changed, rows):
    """Apply the changed products' current rows to ``index``, in place; True if it changed.

    ``changed``: the ids of the products that changed; ``rows``: the rows (``product_rows``)
    of those now in the list. A row found is updated (a ranked list keeps it at its rank), one
    missing leaves the list, a new one joins an unranked list (a search's ranking is its own:
    a product newly matching it shows once its index expires).
    """
    current = {row["pk"]: row for row in rows}
    modified = False
    for pk in sorted(changed):
        position, row = _find(index, pk), current.get(pk)
        if position is not None:
            _unset(index, position)
            if row is not None:
                _set(index, position, row)
            else:
                index["live"] &= ~(1 << position)
                index["by_pk"].remove(position)
                if index["ranked"]:
                    index["orders"]["relevance"].remove(position)
            modified = True
        elif row is not None and not index["ranked"]:
            position = index["size"]
            index["size"] += 1
            index["pks"].append(pk)
            index["cents"].append(0)
            index["created"].append(0)
            index["live"] |= 1 << position
            insort(index["by_pk"], position, key=index["pks"].__getitem__)
            _set(index, position, row)
            modified = True
    return modified


def shippable(index, blocked):
    """The bitmap of the rows not in ``blocked`` (a set of product ids).

    A few blocked ids are looked up by bisection; many, by one pass over the list.
    """
    pks = index["pks"]
    if len(blocked) * 32 < index["size"]:
        by_pk = index["by_pk"]
        found = (bisect_left(by_pk, pk, key=pks.__getitem__) for pk in blocked)
        rows = [i for i in found if i < len(by_pk) and pks[by_pk[i]] in blocked]
        return everything(index) & ~_bitmap((by_pk[i] for i in rows), index["size"])
    allowed = _bitmap((i for i, pk in enumerate(pks) if pk not in blocked), index["size"])
    return allowed & everything(index)


def _matching(index, selected, start):
    bitmap = start
    for facet, value in selected.items():
        bitmap &= index["bitmaps"][facet].get(value, 0)
    return bitmap


def counts(index, base, selected):
    """{facet: {value: count}}, each facet counted under every selected filter but its own."""
    found = {}
    for facet, by_value in index["bitmaps"].items():
        others = {name: value for name, value in selected.items() if name != facet}
        within = _matching(index, others, base)
        found[facet] = {
            value: count
            for value, bitmap in by_value.items()
            if (count := (bitmap & within).bit_count())
        }
    return found


def ordered_ids(index, bitmap, sort):
    """The product ids of the rows in ``bitmap``, in the ``sort`` order."""
    order = index["orders"].get(sort, index["orders"]["newest"])
    pks = index["pks"]
    if bitmap == everything(index):
        return array("q", [pks[i] for i in order])
    flags = bitmap.to_bytes((index["size"] + 7) // 8, "little")
    return array("q", [pks[i] for i in order if flags[i >> 3] >> (i & 7) & 1])


RANGE = ("price_min", "price_max")


def in_price_range(index, low=None, high=None):
    """The bitmap of the priced rows whose price (centimes) is within ``low``..``high``."""
    if low is None and high is None:
        return everything(index)
    low = -1 if low is None else int(low)
    high = None if high is None else int(high)
    cents = index["cents"]
    return _bitmap(
        (
            i
            for i, price in enumerate(cents)
            if price != NO_PRICE and price >= low and (high is None or price <= high)
        ),
        index["size"],
    ) & everything(index)


def refine(index, in_country, selected, sort):
    """What a list shows for one selection: facet counts and the matching ids, in order.

    ``in_country``: the bitmap of the rows that may ship to the facet's country; ``selected``
    may hold a price range in MAD centimes (``price_min``, ``price_max``). Returns
    ``{"counts": {facet: {value: n}}, "ships": n, "ids": array of ids}``.
    """
    others = {name: value for name, value in selected.items() if name not in ("ships_to", *RANGE)}
    ranged = in_price_range(index, selected.get("price_min"), selected.get("price_max"))
    base = (in_country if "ships_to" in selected else everything(index)) & ranged
    matching = _matching(index, others, base)
    return {
        "counts": counts(index, base, others),
        "ships": _matching(index, others, in_country & ranged).bit_count(),
        "ids": ordered_ids(index, matching, sort),
    }
