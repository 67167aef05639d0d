"""A list's index is stored as one cache key per part (its ids, each facet value's bitmap, each
order): an update rewrites only the parts it changed, an index read back refines as one built
afresh, and on PostgreSQL a cold list aggregated in the database equals one built from its rows.
"""

import random

import pytest
from django.core.cache import cache

from catalog import list_index, listing

SELECTIONS = ({}, {"region": "fes"}, {"material": "wool", "unique": "1"}, {"price": "0-500"})
SORTS = ("newest", "price-asc", "price-desc", "relevance")


def _rows(count, rng, start=1):
    return [
        {
            "pk": pk,
            "cents": rng.choice([None, rng.randrange(100, 2_000_000)]),
            "created": rng.randrange(10**6),
            "craft": (rng.choice(["rugs", "pottery"]),),
            "region": (rng.choice(["fes", "safi", "rif"]),),
            "material": tuple(rng.sample(["wool", "clay", "brass"], rng.randrange(3))),
            "technique": (),
            "price": (rng.choice(["0-500", "500-2000"]),),
            "unique": ("1",) if rng.random() < 0.3 else (),
        }
        for pk in range(start, start + count)
    ]


def assert_same_lists(ours, theirs, blocked=frozenset()):
    for selected in SELECTIONS:
        for sort in SORTS:
            for ships in ({}, {"ships_to": "US"}):
                choice = {**selected, **ships}
                a = list_index.refine(ours, list_index.shippable(ours, blocked), choice, sort)
                b = list_index.refine(theirs, list_index.shippable(theirs, blocked), choice, sort)
                assert list(a["ids"]) == list(b["ids"]), (choice, sort)
                assert a["counts"] == b["counts"] and a["ships"] == b["ships"], (choice, sort)


def _stored(key):
    return dict(cache.get(key)["parts"])


@pytest.mark.parametrize("chunk", [8192, 7])
@pytest.mark.parametrize("seed", range(6))
def test_an_index_updated_stored_and_read_back_refines_as_one_built_afresh(
    seed, chunk, monkeypatch
):
    monkeypatch.setattr(list_index, "CHUNK", chunk)
    rng = random.Random(seed)
    rows = _rows(80, rng)
    index = list_index.build(rows)
    index.update(revision="r1", sequence=1)
    listing._store_index("test-index", index, set(list_index.part_names(index)))
    loaded = listing._load_index("test-index")
    changed_rows = _rows(20, rng, start=70)  # 70-79 change, 80-89 are new
    gone = {rng.randrange(1, 70) for _ in range(5)}
    changed = gone | {row["pk"] for row in changed_rows}
    assert list_index.update(loaded, changed, changed_rows)
    loaded.update(revision="r2", sequence=2)
    listing._store_index("test-index", loaded, list_index.changed_parts(loaded))

    again = listing._load_index("test-index")

    new = [row for row in rows if row["pk"] < 70 and row["pk"] not in gone] + changed_rows
    assert_same_lists(again, list_index.build(new), blocked={rng.randrange(1, 90)})


def test_a_price_edit_rewrites_only_the_price_order_and_its_bands():
    rows = _rows(50, random.Random(3))
    rows[10].update(cents=10_000, price=("0-500",))
    index = list_index.build(rows)
    index.update(revision="r1", sequence=1)
    listing._store_index("test-index", index, set(list_index.part_names(index)))
    before = _stored("test-index")
    loaded = listing._load_index("test-index")

    edited = {**rows[10], "cents": 150_000, "price": ("500-2000",)}
    assert list_index.update(loaded, {edited["pk"]}, [edited])
    listing._store_index("test-index", loaded, list_index.changed_parts(loaded))

    after = _stored("test-index")
    rewritten = {name for name in after if after[name] != before.get(name)}
    assert rewritten == {"price:0", "f:price:0-500", "f:price:500-2000"}


def test_a_price_edit_rewrites_the_chunks_of_its_old_and_new_place_only(monkeypatch):
    monkeypatch.setattr(list_index, "CHUNK", 10)
    rows = [
        {**row, "cents": 1000 * row["pk"], "price": ("0-500",)}
        for row in _rows(50, random.Random(6))
    ]
    index = list_index.build(rows)
    index.update(revision="r1", sequence=1)
    listing._store_index("test-index", index, set(list_index.part_names(index)))
    before = _stored("test-index")
    loaded = listing._load_index("test-index")

    edited = {**rows[4], "cents": 1000 * 44 + 1}  # from the first tenth of prices to the last
    assert list_index.update(loaded, {edited["pk"]}, [edited])
    listing._store_index("test-index", loaded, list_index.changed_parts(loaded))

    after = _stored("test-index")
    rewritten = {name for name in after if after[name] != before.get(name)}
    assert rewritten == {"price:0", "price:4"}
    assert len([name for name in after if name.startswith("price:")]) == 5
    again = listing._load_index("test-index")
    ids = list(list_index.refine(again, again["all"], {}, "price-asc")["ids"])
    assert ids.index(edited["pk"]) == ids.index(44) + 1
