"""A list's index is stored as one cache key per part (its ids, each facet value's bitmap, each
order): an update rewrites only the parts it changed, an index read back refines as one built
afresh, and on PostgreSQL a cold list aggregated in the database equals one built from its rows.
"""

import random
from decimal import Decimal

import pytest
from django.core.cache import cache
from oscar.core.loading import get_model

from catalog import facets, list_index, listing
from catalog.search.engine import list_parts, listed_rows
from catalog.search.index import reindex
from tests.factories.catalogue import CategoryFactory, ProductFactory, RegionFactory

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


@pytest.mark.parametrize("seed", range(6))
def test_an_index_updated_stored_and_read_back_refines_as_one_built_afresh(seed):
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
    assert rewritten == {"price", "f:price:0-500", "f:price:500-2000"}


def test_a_sale_that_changes_no_row_rewrites_nothing():
    rows = _rows(30, random.Random(4))
    index = list_index.build(rows)

    assert not list_index.update(index, {rows[5]["pk"]}, [dict(rows[5])])
    assert list_index.changed_parts(index) == set()


def test_an_index_whose_part_expired_is_read_afresh():
    index = list_index.build(_rows(30, random.Random(5)))
    index.update(revision="r1", sequence=1)
    listing._store_index("test-index", index, set(list_index.part_names(index)))
    cache.delete(_stored("test-index")["newest"])

    assert listing._load_index("test-index") is None


@pytest.mark.postgres
@pytest.mark.django_db
def test_a_whole_list_aggregated_in_the_database_equals_one_built_from_its_rows(craft):
    Material = get_model("catalogue", "Material")
    wool = Material.objects.create(code="wool", name_en="Wool")
    clay = Material.objects.create(code="clay", name_en="Clay")
    fes = RegionFactory(code="fes", name_en="Fes")
    kilims = CategoryFactory(parent=craft, name_en="Kilims", slug="kilims")
    rng = random.Random(7)
    for n in range(40):
        product = ProductFactory(
            category=kilims if n % 3 else craft,
            stockrecord__price=Decimal(rng.choice(["120.00", "450.50", "1999.99", "25000.00"])),
            is_unique_piece=n % 4 == 0,
            region=fes if n % 2 else None,
        )
        product.materials.set([wool] if n % 5 else [wool, clay])
    reindex()
    vocab = facets.vocabularies()

    ours = list_index.from_sql(list_parts("TRUE", []), vocab)

    theirs = list_index.build(facets.product_rows(listed_rows("TRUE", []), vocab))
    assert len(list_index.everything(ours)) == 40
    assert_same_lists(ours, theirs)
