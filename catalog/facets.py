"""Facet counts for a product list, computed in Python from a few narrow queries.

A list is read once as rows (id, price, date, region, unique piece, and its material,
technique and category links): on PostgreSQL from the search documents
(``catalog.search.engine``), elsewhere from the products (``read_rows``); the small
vocabularies come from the cache. Each facet
then counts the products that pass every selected filter but its own, so a buyer sees how many
pieces each choice would give. The query count does not depend on the page size or the number
of products.
"""

from collections import defaultdict
from decimal import Decimal

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from marketplace.core.cache import VOCABULARY, versioned

PRICE_BANDS = [
    ("0-500", Decimal("0"), Decimal("500")),
    ("500-2000", Decimal("500"), Decimal("2000")),
    ("2000-10000", Decimal("2000"), Decimal("10000")),
    ("10000-", Decimal("10000"), None),
]
FACETS = ("craft", "region", "material", "technique", "price", "unique")


# The bands in centimes, to band a row's integer price.
CENT_BANDS = tuple(
    (key, int(low * 100), None if high is None else int(high * 100))
    for key, low, high in PRICE_BANDS
)


def price_band(cents):
    """The band of a price in centimes (None without a price)."""
    if cents is None:
        return None
    for key, low, high in CENT_BANDS:
        if cents >= low and (high is None or cents < high):
            return key
    return None


def _translated_name(item, language):
    return getattr(item, f"name_{language}", None) or item.name_en or item.name


def vocabularies():
    """Codes and names (page language) of crafts, regions, materials and techniques, and each
    category's craft (``category_craft``), cached."""
    language = get_language()
    return versioned(VOCABULARY, f"facet-vocab:{language}", lambda: _read_vocabularies(language))


def _read_vocabularies(language):
    Category = get_model("catalogue", "Category")
    crafts = list(Category.objects.browsable().filter(depth=1).order_by("path"))
    found = {
        "craft": {c.path: (c.slug, _translated_name(c, language)) for c in crafts},
        "category_craft": _category_crafts({c.path: c.slug for c in crafts}),
    }
    for name in ("region", "material", "technique"):
        model = get_model("catalogue", name.capitalize())
        found[name] = {
            item.pk: (item.code, _translated_name(item, language)) for item in model.objects.all()
        }
    return found


def _category_crafts(craft_slugs):
    """{category id: the slug of its craft (its browsable top-level ancestor)}."""
    Category = get_model("catalogue", "Category")
    steplen = Category.steplen
    return {
        pk: craft_slugs[path[:steplen]]
        for pk, path in Category.objects.values_list("pk", "path")
        if path[:steplen] in craft_slugs
    }


NO_LINKS = ((), (), ())


def _link_models():
    Product = get_model("catalogue", "Product")
    ProductCategory = get_model("catalogue", "ProductCategory")
    return (
        (Product.materials.through, "material_id"),
        (Product.techniques.through, "technique_id"),
        (ProductCategory, "category_id"),
    )


def _links_by_query(product_ids):
    """{product id: (material ids, technique ids, category ids)}, three queries."""
    found = defaultdict(lambda: ([], [], []))
    for index, (model, field) in enumerate(_link_models()):
        rows = model.objects.filter(product_id__any_of=product_ids).values_list("product_id", field)
        for product_id, value in rows:
            found[product_id][index].append(value)
    return found


def _minor(price):
    """A price in centimes (an exact integer to band and sort by), None without a price."""
    return None if price is None else int(price * 100)


def read_rows(products):
    """The raw rows of ``products`` (annotated with ``seller_price``), as ``product_rows`` takes
    them, read from the products themselves: the products, then their material, technique and
    category links by id (four queries). PostgreSQL lists read the same rows from the search
    documents instead (``catalog.search.engine``)."""
    products = products.order_by()
    fields = ("pk", "region_id", "is_unique_piece", "seller_price", "date_created")
    base = list(products.values_list(*fields))
    links = _links_by_query([row[0] for row in base])
    return [
        (pk, region, unique, _minor(price), created, *links.get(pk, NO_LINKS))
        for pk, region, unique, price, created in base
    ]


def product_rows(raw_rows, vocab):
    """One dict per raw row: id, price in centimes (``cents``), creation time (``created``: only
    to sort by), facet values.

    A raw row is (id, region id, unique piece, price in centimes, creation time, material ids,
    technique ids, category ids): ``read_rows``, ``search.engine.listed_rows`` or ``search_rows``.
    """
    category_crafts = vocab["category_craft"]
    region_codes = {pk: code for pk, (code, _n) in vocab["region"].items()}
    material_codes = {pk: code for pk, (code, _n) in vocab["material"].items()}
    technique_codes = {pk: code for pk, (code, _n) in vocab["technique"].items()}
    rows = []
    for pk, region_id, unique, cents, created, materials, techniques, categories in raw_rows:
        crafts = {category_crafts[c] for c in categories if c in category_crafts}
        region = region_codes.get(region_id)
        band = price_band(cents)
        rows.append(
            {
                "pk": pk,
                "cents": cents,
                "created": created,
                "craft": tuple(crafts),
                "region": (region,) if region else (),
                "material": tuple([material_codes[m] for m in materials if m in material_codes]),
                "technique": tuple(
                    [technique_codes[t] for t in techniques if t in technique_codes]
                ),
                "price": (band,) if band else (),
                "unique": ("1",) if unique else (),
            }
        )
    return rows


def options(facet, counts, vocab, selected):
    """A facet's options in display order, with labels and counts (zero-count ones dropped)."""
    if facet == "price":
        return [
            {
                "value": key,
                "low": low,
                "high": high,
                "count": counts[key],
                "selected": selected == key,
            }
            for key, low, high in PRICE_BANDS
            if counts.get(key)
        ]
    entries = vocab[facet].values()
    listed = [
        {"value": code, "label": label, "count": counts[code], "selected": selected == code}
        for code, label in entries
        if counts.get(code)
    ]
    if facet in ("material", "technique"):
        listed.sort(key=lambda option: (-option["count"], option["value"]))
    return listed


def unique_option(counts, selected):
    return {"label": _("Unique pieces only"), "count": counts.get("1", 0), "selected": selected}
