"""Demo products: deterministic specs built in Python, then written with bulk inserts.

Product number ``i`` always gets the same craft, title, seller and price for a given seed,
whatever the total asked for, so a bigger run only adds the missing UPCs.
"""

import random
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from django.db import connection
from django.utils.text import slugify
from oscar.checks import use_productcategory_materialised_view
from oscar.core.loading import get_model

from catalog.search.index import reindex
from demo.catalogue.crafts import (
    CRAFTS,
    CRAFTS_BY_KEY,
    MADE_BY,
    MATERIALS_LINE,
    NUMBER_SUFFIX,
    SMALL_BATCH,
    UNIQUE_PIECE,
)
from demo.rows import LANGS

BATCH_SIZE = 1000
UPC_FORMAT = "DEMO-{:06d}"
HIDDEN_UPC_FORMAT = "DEMO-NV-{:04d}"


@dataclass
class ProductSpec:
    """Everything needed to insert one product and its related rows."""

    upc: str
    craft: str
    seller: str
    titles: tuple
    descriptions: tuple
    length: Decimal
    width: Decimal
    height: Decimal
    weight: Decimal
    is_unique: bool
    hs_code: str
    price: Decimal
    stock: int
    materials: tuple
    techniques: tuple
    image: int


@dataclass(frozen=True)
class SellerInfo:
    """What a product description says about its seller, in every language."""

    slug: str
    names: tuple
    cities: tuple
    regions: tuple


def join_title(item, variant):
    """Glue an item name and a variant; a variant starting with a comma needs no space."""
    return item + variant if variant[:1] in (",", "،") else f"{item} {variant}"


def merge(*groups):
    """Concatenate code tuples, dropping repeats but keeping order."""
    return tuple(dict.fromkeys(code for group in groups for code in group))


def pick_size(rng, item):
    """Length, width and height in cm, rounded the way a seller would measure them."""
    (l_min, l_max), (w_min, w_max), (h_min, h_max) = item.size
    step = 10 if item.per_m2 else (1 if l_max >= 20 else 0.5)
    length = round(rng.uniform(l_min, l_max) / step) * step
    width = length if item.round else round(rng.uniform(w_min, w_max) / step) * step
    if item.per_m2 and width > length:
        length, width = width, length
    height = round(rng.uniform(h_min, h_max) * 2) / 2
    return length, width, height


def pick_weight_and_price(rng, craft, item, variant, length, width):
    """Weight in kg and price in MAD, from the area for rugs, else from the item's ranges."""
    if item.per_m2:
        area = length * width / 10_000
        weight = area * item.density * rng.uniform(0.9, 1.1)
        price = area * rng.uniform(*item.price)
    else:
        weight = rng.uniform(*item.weight) * variant.scale
        price = rng.uniform(*item.price) * variant.scale
    low, high = craft.price_bounds
    price = min(max(price, low), high)
    price = round(price / 10) * 10 if price >= 100 else round(price / 5) * 5
    return Decimal(f"{weight:.3f}"), Decimal(f"{price:.2f}")


def lower_first(text, lang):
    """Lower-case the first letter of a vocabulary name used inside a sentence."""
    return text if lang == "ar" else text[:1].lower() + text[1:]


def describe(craft, seller, materials, techniques, is_unique, names):
    """The four descriptions: craft, maker, materials and techniques, uniqueness."""
    separator = {"ar": "، "}
    descriptions = []
    for k, lang in enumerate(LANGS):
        sep = separator.get(lang, ", ")
        line = MATERIALS_LINE[k].format(
            materials=sep.join(lower_first(names[c][k], lang) for c in materials),
            techniques=sep.join(lower_first(names[c][k], lang) for c in techniques),
        )
        made_by = MADE_BY[k].format(
            seller=seller.names[k], city=seller.cities[k], region=seller.regions[k]
        )
        closing = (UNIQUE_PIECE if is_unique else SMALL_BATCH)[k]
        paragraphs = (craft.blurb[k], made_by, line, closing)
        descriptions.append("".join(f"<p>{p}</p>" for p in paragraphs))
    return tuple(descriptions)


def build_spec(upc, rng, craft, seller, names, pool_sizes):
    """One product spec for the craft and seller (the title still lacks its number)."""
    item = rng.choice(craft.items)
    variant = rng.choice(item.variants or craft.variants)
    titles = tuple(join_title(i, v) for i, v in zip(item.name, variant.text, strict=True))
    length, width, height = pick_size(rng, item)
    weight, price = pick_weight_and_price(rng, craft, item, variant, length, width)
    chance = craft.unique if item.unique is None else item.unique
    is_unique = rng.random() < chance
    materials = merge(item.materials or craft.materials, variant.materials)
    techniques = merge(item.techniques or craft.techniques, variant.techniques)
    return ProductSpec(
        upc=upc,
        craft=craft.key,
        seller=seller.slug,
        titles=titles,
        descriptions=describe(craft, seller, materials, techniques, is_unique, names),
        length=Decimal(f"{length:.1f}"),
        width=Decimal(f"{width:.1f}"),
        height=Decimal(f"{height:.1f}"),
        weight=weight,
        is_unique=is_unique,
        hs_code=item.hs_code or craft.hs_code,
        price=price,
        stock=1 if is_unique else rng.randint(3, 40),
        materials=materials,
        techniques=techniques,
        image=rng.randrange(pool_sizes[craft.key]),
    )


def number_titles(specs):
    """Append " No. n" to the second and later products sharing a title, in order."""
    seen = Counter()
    for spec in specs:
        seen[spec.titles[0]] += 1
        n = seen[spec.titles[0]]
        if n > 1:
            spec.titles = tuple(
                t + s.format(n=n) for t, s in zip(spec.titles, NUMBER_SUFFIX, strict=True)
            )
    return specs


def build_specs(count, seed, sellers, hidden_sellers, names, pool_sizes):
    """Specs for the non-verified sellers' products, then for the ``count`` demo products.

    ``sellers`` maps a craft key to the verified SellerInfo objects making it;
    ``hidden_sellers`` is a list of (SellerInfo, craft key, number of products). The hidden
    products come first so that no title depends on ``count``.
    """
    specs = []
    number = 0
    for seller, craft_key, how_many in hidden_sellers:
        for _ in range(how_many):
            number += 1
            rng = random.Random(f"{seed}:hidden:{number}")
            craft = CRAFTS_BY_KEY[craft_key]
            upc = HIDDEN_UPC_FORMAT.format(number)
            specs.append(build_spec(upc, rng, craft, seller, names, pool_sizes))
    weights = [craft.share for craft in CRAFTS]
    for i in range(1, count + 1):
        rng = random.Random(f"{seed}:product:{i}")
        craft = rng.choices(CRAFTS, weights)[0]
        seller = rng.choice(sellers[craft.key])
        specs.append(build_spec(UPC_FORMAT.format(i), rng, craft, seller, names, pool_sizes))
    return number_titles(specs)


def product_row(spec, product_class, region_id):
    """An unsaved Product; every translated field is set explicitly (no save() runs)."""
    Product = get_model("catalogue", "Product")
    fields = {"title": spec.titles[0], "description": spec.descriptions[0]}
    for k, lang in enumerate(LANGS):
        fields[f"title_{lang}"] = spec.titles[k]
        fields[f"description_{lang}"] = spec.descriptions[k]
    return Product(
        structure=Product.STANDALONE,
        product_class=product_class,
        slug=slugify(spec.titles[0])[:255],
        upc=spec.upc,
        region_id=region_id,
        length_cm=spec.length,
        width_cm=spec.width,
        height_cm=spec.height,
        weight_kg=spec.weight,
        is_unique_piece=spec.is_unique,
        hs_code=spec.hs_code,
        **fields,
    )


def insert_batch(specs, context):
    """Insert one batch of products with their related rows, then index them for search.

    Bulk inserts send no signals, so the search documents are built here explicitly.
    """
    Product = get_model("catalogue", "Product")
    ProductCategory = get_model("catalogue", "ProductCategory")
    ProductImage = get_model("catalogue", "ProductImage")
    StockRecord = get_model("partner", "StockRecord")
    sellers = context["sellers"]
    products = Product.objects.bulk_create(
        [product_row(s, context["product_class"], sellers[s.seller].region_id) for s in specs]
    )
    records, links, materials, techniques, images = [], [], [], [], []
    for spec, product in zip(specs, products, strict=True):
        pk = product.pk
        records.append(
            StockRecord(
                product_id=pk,
                partner=sellers[spec.seller],
                partner_sku=spec.upc,
                price_currency="MAD",
                price=spec.price,
                num_in_stock=spec.stock,
            )
        )
        category = context["categories"][CRAFTS_BY_KEY[spec.craft].category]
        links.append(ProductCategory(product_id=pk, category=category))
        materials += [
            Product.materials.through(product_id=pk, material=context["materials"][code])
            for code in spec.materials
        ]
        techniques += [
            Product.techniques.through(product_id=pk, technique=context["techniques"][code])
            for code in spec.techniques
        ]
        name = context["pool"][spec.craft][spec.image]
        images.append(
            ProductImage(product_id=pk, original=name, display_order=0, renditions_ready=True)
        )
    StockRecord.objects.bulk_create(records)
    ProductCategory.objects.bulk_create(links)
    Product.materials.through.objects.bulk_create(materials)
    Product.techniques.through.objects.bulk_create(techniques)
    ProductImage.objects.bulk_create(images)
    reindex([product.pk for product in products])


def create_products(specs, context):
    """Insert the products whose UPC is missing; return how many were created."""
    Product = get_model("catalogue", "Product")
    existing = set(Product.objects.filter(upc__startswith="DEMO-").values_list("upc", flat=True))
    missing = [s for s in specs if s.upc not in existing]
    for start in range(0, len(missing), BATCH_SIZE):
        insert_batch(missing[start : start + BATCH_SIZE], context)
    if missing and use_productcategory_materialised_view():
        with connection.cursor() as cursor:
            cursor.execute("REFRESH MATERIALIZED VIEW catalogue_product_category_hierarchy")
    return len(missing)
