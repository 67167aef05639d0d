"""A product list as Roaring bitmaps of product ids: what refining, counting and sorting a list
of any size needs.

An index holds, for one list (a category, a seller, a search):
- ``all``: the bitmap of its product ids;
- ``bitmaps``: one bitmap per facet value (``{facet: {value: BitMap}}``): a filter is an AND, a
  facet count the cardinality of an AND;
- ``newest``: its ids newest first, with their creation times (the key they sort by);
- ``price``: its priced ids cheapest first, with their prices (centimes): a price range is a
  slice of it, found by bisection;
- ``relevance`` (a search only): its ids best first. An unranked list's relevance is the
  newest id first, i.e. ``all`` read backwards.

Bitmaps are ``pyroaring.BitMap`` (compressed, with set operations in C), orders are
``array.array`` (ids ``'I'``, keys ``'q'``). Each of these *parts* (an order in chunks of about
``CHUNK`` entries) is stored in the cache as its own key (``dump_part`` / ``load_parts``): when
products change, ``update`` applies their new rows in place and notes the parts it changed
(``changed_parts``), so a price edit rewrites one or two chunks of the price order and two
price-band bitmaps, not the whole index, and a sale that changes no row rewrites nothing.

``build`` makes an index from rows (``facets.product_rows``): any list on SQLite; ``from_sql``
from the aggregated id arrays PostgreSQL computes for a whole list or a search's best matches
(``catalog.search.engine.list_parts``, ``ranked_parts``), so a cold list or a never-seen query
never walks its rows in Python.
"""

import sys
from array import array
from bisect import bisect_left, bisect_right
from itertools import compress

from pyroaring import BitMap

from catalog import facets


def _stamp(created):
    """A creation time as an integer to sort by (PostgreSQL rows carry it in µs already)."""
    if created is None:
        return 0
    return created if isinstance(created, int) else int(created.timestamp() * 1_000_000)


def _ids(values=()):
    return array("I", values)


def _keys(values=()):
    return array("q", values)


def build(rows):
    """The index of a list's rows (ranked when the rows carry a ``rank``: a search)."""
    ranked = any("rank" in row for row in rows)
    found = {facet: {} for facet in facets.FACETS}
    for row in rows:
        for facet, by_value in found.items():
            for value in row[facet]:
                by_value.setdefault(value, []).append(row["pk"])
    newest = sorted(((_stamp(row["created"]), row["pk"]) for row in rows), reverse=True)
    priced = sorted((row["cents"], row["pk"]) for row in rows if row["cents"] is not None)
    index = {
        "ranked": ranked,
        "all": BitMap(row["pk"] for row in rows),
        "bitmaps": {
            facet: {value: BitMap(pks) for value, pks in by_value.items()}
            for facet, by_value in found.items()
        },
        "newest": (_ids(pk for _c, pk in newest), _keys(c for c, _pk in newest)),
        "price": (_ids(pk for _c, pk in priced), _keys(c for c, _pk in priced)),
    }
    if ranked:
        index["relevance"] = _ids(row["pk"] for row in sorted(rows, key=lambda r: r["rank"]))
    return index


def _unpack(raw, typecode="I"):
    """Numbers sent as concatenated big-endian int4 (ids, ``int4send``) or int8 (``q``)."""
    found = array(typecode)
    found.frombytes(raw)
    if sys.byteorder == "little":
        found.byteswap()
    return found


def from_sql(parts, vocab):
    """The index of a list from PostgreSQL's aggregated id arrays (``list_parts`` for a whole
    list, ``ranked_parts`` for a search's best matches).

    ``parts``: ``{"newest": (ids, created), "price": (ids, cents), "facets": [(ids, region id,
    unique, material ids, technique ids, category ids), ...]}``, and ``"relevance": ids`` best
    first for a ranked list: the orders sorted as ``build`` sorts them, the products of each
    combination of facet values. Vocabulary ids become the codes the facets use
    (``facets.product_rows``).
    """
    codes = {
        facet: {pk: code for pk, (code, _name) in vocab[facet].items()}
        for facet in ("region", "material", "technique")
    }
    crafts = vocab["category_craft"]
    holding = {facet: {} for facet in facets.FACETS}
    for ids, region, unique, materials, techniques, categories in parts["facets"]:
        bitmap = BitMap(_unpack(ids))
        values = {
            "region": [codes["region"].get(region)],
            "material": [codes["material"].get(pk) for pk in materials or ()],
            "technique": [codes["technique"].get(pk) for pk in techniques or ()],
            "craft": {crafts.get(pk) for pk in categories or ()},
            "unique": ["1" if unique else None],
        }
        for facet, found in values.items():
            for value in found:
                if value is not None:
                    holding[facet].setdefault(value, []).append(bitmap)
    bitmaps = {
        facet: {value: BitMap.union(*held) for value, held in by_value.items()}
        for facet, by_value in holding.items()
    }
    newest = (_unpack(parts["newest"][0]), _unpack(parts["newest"][1], "q"))
    price = (_unpack(parts["price"][0]), _unpack(parts["price"][1], "q"))
    for key, low, high in facets.CENT_BANDS:
        start = bisect_left(price[1], low)
        end = len(price[1]) if high is None else bisect_left(price[1], high)
        if end > start:
            bitmaps["price"][key] = BitMap(price[0][start:end])
    index = {
        "ranked": "relevance" in parts,
        "all": BitMap(newest[0]),
        "bitmaps": bitmaps,
        "newest": newest,
        "price": price,
    }
    if index["ranked"]:
        index["relevance"] = _unpack(parts["relevance"])
    return index


# --- the index as cache values, one per part ------------------------------------------------

# An order is stored in chunks of about this many entries, each its own cache key, split at
# sort keys fixed when the index is built (``bounds``): a product that moves within the order
# rewrites the chunks holding its old and its new place, not the whole order.
CHUNK = 8192
CHUNKED = ("newest", "price")


def _sort_key(name):
    return _newest_key if name == "newest" else _price_key


def _bounds(index, name):
    """The sort keys the order ``name`` is split at (kept from the build)."""
    found = index.setdefault("bounds", {})
    if name not in found:
        ids, keys = index[name]
        key = _sort_key(name)
        found[name] = [key(keys[i], ids[i]) for i in range(CHUNK, len(ids), CHUNK)]
    return found[name]


def _chunk_of(index, name, sort_key):
    return f"{name}:{bisect_right(_bounds(index, name), sort_key)}"


def part_names(index):
    """Every part of ``index``: ``all``, each facet value's bitmap, each order's chunks."""
    names = ["all"]
    for name in CHUNKED:
        names += [f"{name}:{n}" for n in range(len(_bounds(index, name)) + 1)]
    if "relevance" in index:
        names.append("relevance")
    for facet, by_value in index["bitmaps"].items():
        names += [f"f:{facet}:{value}" for value in by_value]
    return names


def dump_part(index, name):
    """One part of ``index`` as a bytes-only value (cheap to pickle)."""
    if name == "all":
        return index["all"].serialize()
    if name.startswith("f:"):
        _f, facet, value = name.split(":", 2)
        return index["bitmaps"][facet][value].serialize()
    if name == "relevance":
        return index["relevance"].tobytes()
    order, number = name.split(":")
    number, bounds, (ids, keys) = int(number), _bounds(index, order), index[order]
    key = _sort_key(order)

    def position(bound):
        return bisect_left(range(len(ids)), bound, key=lambda i: key(keys[i], ids[i]))

    start = 0 if number == 0 else position(bounds[number - 1])
    end = len(ids) if number == len(bounds) else position(bounds[number])
    return ids[start:end].tobytes(), keys[start:end].tobytes()


def load_parts(ranked, parts, bounds):
    """An index from ``{name: dump_part(...)}`` and its orders' ``bounds``."""
    index = {
        "ranked": ranked,
        "bitmaps": {facet: {} for facet in facets.FACETS},
        "bounds": {name: list(found) for name, found in bounds.items()},
    }
    chunks = {name: {} for name in CHUNKED}
    for name, value in parts.items():
        if name == "all":
            index["all"] = BitMap.deserialize(value)
        elif name.startswith("f:"):
            _f, facet, code = name.split(":", 2)
            index["bitmaps"].setdefault(facet, {})[code] = BitMap.deserialize(value)
        elif name == "relevance":
            index["relevance"] = _ids()
            index["relevance"].frombytes(value)
        else:
            order, number = name.split(":")
            chunks[order][int(number)] = value
    for order, found in chunks.items():
        ids, keys = _ids(), _keys()
        for number in sorted(found):
            ids.frombytes(found[number][0])
            keys.frombytes(found[number][1])
        index[order] = (ids, keys)
    return index


def changed_parts(index):
    """The parts ``update`` changed since the index was loaded or stored (and forgets them)."""
    return index.pop("changed", set())


# --- updates -----------------------------------------------------------------------------------


def _position(ids, pk):
    """The position of ``pk`` in the id array ``ids``, or None (a byte search: fast in C)."""
    raw = ids.tobytes()
    needle = array("I", [pk]).tobytes()
    at = raw.find(needle)
    while at != -1 and at % ids.itemsize:
        at = raw.find(needle, at + 1)
    return None if at == -1 else at // ids.itemsize


def _reorder(index, name, pk, key):
    """Move ``pk`` to where ``key`` sorts in the order ``name`` (None: out of it); the chunks
    of the order it changed."""
    ids, keys = index[name]
    sort_key = _sort_key(name)
    position = _position(ids, pk)
    changed = set()
    if position is not None:
        if key is not None and keys[position] == key:
            return changed
        changed.add(_chunk_of(index, name, sort_key(keys[position], pk)))
        del ids[position]
        del keys[position]
    if key is not None:
        target = sort_key(key, pk)
        at = bisect_left(range(len(ids)), target, key=lambda i: sort_key(keys[i], ids[i]))
        ids.insert(at, pk)
        keys.insert(at, key)
        changed.add(_chunk_of(index, name, target))
    return changed


def _newest_key(created, pk):
    return (-created, -pk)


def _price_key(cents, pk):
    return (cents, pk)


def _apply(index, pk, row, changed):
    """Bring ``pk``'s membership in every part to ``row`` (None: out of the list)."""
    for facet, by_value in index["bitmaps"].items():
        old = {value for value, bitmap in by_value.items() if pk in bitmap}
        new = set(row[facet]) if row is not None else set()
        for value in old - new:
            by_value[value].discard(pk)
            changed.add(f"f:{facet}:{value}")
            if not by_value[value]:
                del by_value[value]
        for value in new - old:
            by_value.setdefault(value, BitMap()).add(pk)
            changed.add(f"f:{facet}:{value}")
    changed |= _reorder(index, "newest", pk, None if row is None else _stamp(row["created"]))
    changed |= _reorder(index, "price", pk, None if row is None else row["cents"])


def update(index, changed, rows):
    """Apply the changed products' current rows to ``index``, in place; True if it changed.

    ``changed``: the ids of the products that changed; ``rows``: the rows (``product_rows``)
    of those now in the list. A row found is updated (a ranked list keeps it at its rank), one
    missing leaves the list, a new one joins an unranked list (a search's ranking is its own:
    a product newly matching it shows once its index expires). The parts it changed are noted
    for ``changed_parts``.
    """
    current = {row["pk"]: row for row in rows}
    touched = index.setdefault("changed", set())
    before = len(touched)
    for pk in sorted(changed):
        row = current.get(pk)
        if pk in index["all"]:
            if row is None:
                index["all"].discard(pk)
                touched.add("all")
                if index["ranked"]:
                    index["relevance"].remove(pk)
                    touched.add("relevance")
            _apply(index, pk, row, touched)
        elif row is not None and not index["ranked"]:
            index["all"].add(pk)
            touched.add("all")
            _apply(index, pk, row, touched)
    return len(touched) > before


# --- reading -----------------------------------------------------------------------------------


def everything(index):
    """The bitmap of the products in the list."""
    return index["all"]


def shippable(index, blocked):
    """The bitmap of the list's products not in ``blocked`` (a bitmap or set of product ids)."""
    return index["all"] - (blocked if isinstance(blocked, BitMap) else BitMap(blocked))


def _matching(index, selected, start):
    bitmap = start
    for facet, value in selected.items():
        found = index["bitmaps"][facet].get(value)
        bitmap = bitmap & found if found is not None else BitMap()
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
            if (count := bitmap.intersection_cardinality(within))
        }
    return found


def _order(index, sort):
    """All the list's ids in the ``sort`` order."""
    if sort == "relevance":
        if index["ranked"]:
            return index["relevance"]
        ids = index["all"].to_array()
        ids.reverse()
        return ids
    if sort in ("price-asc", "price-desc"):
        priced = index["price"][0]
        unpriced = (index["all"] - BitMap(priced)).to_array()
        if sort == "price-asc":
            return priced + unpriced
        ordered = priced[::-1]
        unpriced.reverse()
        return ordered + unpriced
    return index["newest"][0]


def ordered_ids(index, bitmap, sort):
    """The product ids in ``bitmap``, in the ``sort`` order."""
    order = _order(index, sort)
    if len(bitmap) == len(index["all"]):
        return _ids(order)
    return _ids(compress(order, map(bitmap.__contains__, order)))


RANGE = ("price_min", "price_max")


def in_price_range(index, low=None, high=None):
    """The bitmap of the priced products whose price (centimes) is within ``low``..``high``."""
    if low is None and high is None:
        return everything(index)
    ids, cents = index["price"]
    start = 0 if low is None else bisect_left(cents, int(low))
    end = len(cents) if high is None else bisect_right(cents, int(high))
    return BitMap(ids[start:end]) if end > start else BitMap()


def refine(index, in_country, selected, sort):
    """What a list shows for one selection: facet counts and the matching ids, in order.

    ``in_country``: the bitmap of the products that may ship to the facet's country (0 or an
    empty bitmap: none); ``selected`` may hold a price range in MAD centimes (``price_min``,
    ``price_max``). Returns ``{"counts": {facet: {value: n}}, "ships": n, "ids": array of ids}``.
    """
    if not isinstance(in_country, BitMap):
        in_country = BitMap()
    others = {name: value for name, value in selected.items() if name not in ("ships_to", *RANGE)}
    ranged = in_price_range(index, selected.get("price_min"), selected.get("price_max"))
    base = (in_country if "ships_to" in selected else everything(index)) & ranged
    matching = _matching(index, others, base)
    return {
        "counts": counts(index, base, others),
        "ships": len(_matching(index, others, in_country & ranged)),
        "ids": ordered_ids(index, matching, sort),
    }
