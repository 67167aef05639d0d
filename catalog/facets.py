"""Facet counts for a product list: one grouped query per facet, whatever the page size.

Each facet counts the list as filtered by the *other* facets, so a buyer sees how many pieces
each choice would give.
"""

from decimal import Decimal

from django.db.models import CharField, Count, Q, Value
from django.db.models.functions import Coalesce, NullIf, Substr
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

PRICE_BANDS = [
    ("0-500", Decimal("0"), Decimal("500")),
    ("500-2000", Decimal("500"), Decimal("2000")),
    ("2000-10000", Decimal("2000"), Decimal("10000")),
    ("10000-", Decimal("10000"), None),
]


def _name(prefix):
    """The vocabulary name in the page language, English when untranslated."""
    return Coalesce(
        NullIf(f"{prefix}name_{get_language()}", Value("")),
        f"{prefix}name_en",
        output_field=CharField(),
    )


def _options(rows, key, selected):
    return [
        {
            "value": row[key],
            "label": row["label"],
            "count": row["n"],
            "selected": row[key] == selected,
        }
        for row in rows
        if row[key]
    ]


def region_facet(products, selected):
    Product = get_model("catalogue", "Product")
    rows = (
        Product.objects.filter(pk__in=products.order_by().values("pk"))
        .values("region__code")
        .annotate(label=_name("region__"), n=Count("pk"))
        .order_by("region__position")
    )
    return _options(rows, "region__code", selected)


def through_facet(products, field, selected):
    """Materials or techniques: count products per linked vocabulary item."""
    Product = get_model("catalogue", "Product")
    through = getattr(Product, f"{field}s").through
    rows = (
        through.objects.filter(product__in=products.order_by().values("pk"))
        .values(f"{field}__code")
        .annotate(label=_name(f"{field}__"), n=Count("product", distinct=True))
        .order_by("-n", f"{field}__code")
    )
    return _options(rows, f"{field}__code", selected)


def craft_facet(products, selected):
    """Top-level craft branches (treebeard path prefix) with their product counts."""
    Category = get_model("catalogue", "Category")
    ProductCategory = get_model("catalogue", "ProductCategory")
    rows = (
        ProductCategory.objects.filter(product__in=products.order_by().values("pk"))
        .annotate(root=Substr("category__path", 1, Category.steplen))
        .values("root")
        .annotate(n=Count("product", distinct=True))
    )
    counts = {row["root"]: row["n"] for row in rows}
    roots = Category.objects.browsable().filter(depth=1, path__in=counts).order_by("path")
    return [
        {"value": c.slug, "label": c.name, "count": counts[c.path], "selected": c.slug == selected}
        for c in roots
    ]


def price_and_unique_facets(products, selected_band, unique_selected):
    """Price bands (MAD) and the unique-piece count, in one aggregate query."""
    aggregates = {"unique": Count("pk", filter=Q(is_unique_piece=True))}
    for key, low, high in PRICE_BANDS:
        band = Q(seller_price__gte=low) & (Q(seller_price__lt=high) if high else Q())
        aggregates[f"band_{key}"] = Count("pk", filter=band)
    counts = products.order_by().aggregate(**aggregates)
    bands = [
        {
            "value": key,
            "low": low,
            "high": high,
            "count": counts[f"band_{key}"],
            "selected": key == selected_band,
        }
        for key, low, high in PRICE_BANDS
        if counts[f"band_{key}"]
    ]
    unique = {
        "label": _("Unique pieces only"),
        "count": counts["unique"],
        "selected": unique_selected,
    }
    return bands, unique
