"""The bitmap index refines, counts and sorts a list exactly as a plain pass over its rows does."""

import random

import pytest

from catalog import list_index
from catalog.facets import FACETS

VALUES = {
    "craft": ["rugs", "pottery", "leather"],
    "region": ["fes", "safi", "rabat"],
    "material": ["wool", "clay", "brass", "cedar"],
    "technique": ["knotting", "glazing"],
    "price": ["0-500", "500-2000", "2000-10000"],
    "unique": ["1"],
}


def random_rows(rng, size, ranked):
    rows = []
    for pk in rng.sample(range(1, 10 * size), size):
        row = {
            "pk": pk,
            "cents": rng.choice([None, rng.randrange(1000, 50000, 500)]),
            "created": rng.randrange(5),
        }
        for facet in FACETS:
            row[facet] = tuple(v for v in VALUES[facet] if rng.random() < 0.35)
        rows.append(row)
    if ranked:
        for rank, row in enumerate(rows):
            row["rank"] = rank
    return rows


def passes(row, selected):
    return all(value in row[name] for name, value in selected.items())


def reference_order(rows, sort):
    if sort == "relevance":
        return sorted(rows, key=lambda row: (row.get("rank", 0), -row["pk"]))
    if sort == "price-asc":
        return sorted(rows, key=lambda row: (row["cents"] is None, row["cents"] or 0, row["pk"]))
    if sort == "price-desc":
        priced = sorted(
            (r for r in rows if r["cents"] is not None), key=lambda r: (r["cents"], r["pk"])
        )
        rest = sorted((r for r in rows if r["cents"] is None), key=lambda r: r["pk"])
        return priced[::-1] + rest[::-1]
    return sorted(rows, key=lambda row: (row["created"], row["pk"]), reverse=True)


def reference_refine(rows, blocked, selected, sort):
    others = {name: value for name, value in selected.items() if name != "ships_to"}
    in_country = [row for row in rows if row["pk"] not in blocked]
    base = in_country if "ships_to" in selected else rows
    counts = {}
    for facet in FACETS:
        within = [r for r in base if passes(r, {n: v for n, v in others.items() if n != facet})]
        tallies = {v: sum(v in r[facet] for r in within) for v in VALUES[facet]}
        counts[facet] = {v: n for v, n in tallies.items() if n}
    return {
        "counts": counts,
        "ships": sum(passes(row, others) for row in in_country),
        "ids": [row["pk"] for row in reference_order([r for r in base if passes(r, others)], sort)],
    }


@pytest.mark.parametrize("seed", range(60))
def test_refining_the_index_matches_a_pass_over_the_rows(seed):
    rng = random.Random(seed)
    rows = random_rows(rng, rng.randrange(0, 200), ranked=seed % 2 == 0)
    rate = rng.choice([0, 0.02, 0.2])
    blocked = {row["pk"] for row in rows if rng.random() < rate} | {rng.randrange(10**6, 10**7)}
    selected = {f: rng.choice(VALUES[f]) for f in FACETS if rng.random() < 0.3}
    if rng.random() < 0.5:
        selected["ships_to"] = "US"
    sort = rng.choice(["relevance", "newest", "price-asc", "price-desc"])
    index = list_index.build(rows)

    found = list_index.refine(index, list_index.shippable(index, blocked), selected, sort)

    expected = reference_refine(rows, blocked, selected, sort)
    assert {**found, "ids": list(found["ids"])} == expected


def test_a_country_refused_everything_ships_nothing():
    rows = random_rows(random.Random(1), 10, ranked=False)
    index = list_index.build(rows)

    found = list_index.refine(index, 0, {"ships_to": "US"}, "newest")

    assert found["ships"] == 0
    assert list(found["ids"]) == []


def test_a_filter_value_no_row_has_matches_nothing():
    index = list_index.build(random_rows(random.Random(2), 10, ranked=False))

    found = list_index.refine(index, list_index.everything(index), {"craft": "basketry"}, "newest")

    assert list(found["ids"]) == []
