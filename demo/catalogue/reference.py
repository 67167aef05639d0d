"""Reference data for the demo: regions, vocabularies, craft categories, product class.

Each function is idempotent: rows are looked up by a stable code or slug and created only when
missing. An existing row is saved only when one of its texts differs.
"""

from django.core.management.base import CommandError
from django.utils.text import slugify
from oscar.core.loading import get_model

from demo.catalogue.data import CATEGORIES
from demo.rows import translated, update_changed, upsert


def load_regions(codes):
    """The regions from the data migration, by code; all of ``codes`` must exist."""
    Region = get_model("catalogue", "Region")
    regions = Region.objects.in_bulk(field_name="code")
    missing = sorted(set(codes) - set(regions))
    if missing:
        raise CommandError(f"Missing regions {missing}: run migrate first.")
    return regions


def seed_vocabulary(model, rows):
    """Create or refresh (code, en, fr, ar, es) rows; return {code: instance}."""
    return {code: upsert(model, {"code": code}, translated("name", names)) for code, *names in rows}


def save_category(parent, names, descriptions, hs_heading):
    """Create the category under ``parent`` (a root if None), or refresh its texts."""
    Category = get_model("catalogue", "Category")
    slug = slugify(names[0])
    fields = {
        **translated("name", names),
        **translated("description", descriptions),
        "hs_heading": hs_heading,
        "slug": slug,
    }
    category = Category.objects.filter(code=slug).first()
    if category is None:
        add = parent.add_child if parent else Category.add_root
        return add(code=slug, **fields)
    return update_changed(category, fields)


def seed_categories():
    """The craft tree; return {code: Category} for every branch and leaf."""
    categories = {}
    for names, descriptions, hs_heading, children in CATEGORIES:
        root = save_category(None, names, descriptions, hs_heading)
        categories[root.code] = root
        for child_names, child_descriptions, child_hs in children:
            child = save_category(root, child_names, child_descriptions, child_hs)
            categories[child.code] = child
    return categories


def seed_craft_vocabulary(crafts, categories, materials, techniques):
    """Each craft's materials and techniques: those its demo pieces use (the craft's, its items'
    and their variants'); a top branch offers those of its crafts. Adds only what is missing."""
    for craft in crafts:
        category = categories[craft.category]
        variants = [*craft.variants, *(v for item in craft.items for v in item.variants or ())]
        used = {"materials": set(craft.materials), "techniques": set(craft.techniques)}
        for part in [*craft.items, *variants]:
            used["materials"].update(part.materials or ())
            used["techniques"].update(part.techniques or ())
        parent = category.get_parent()
        for node in (category, parent) if parent is not None else (category,):
            node.materials.add(*(materials[code] for code in used["materials"]))
            node.techniques.add(*(techniques[code] for code in used["techniques"]))


def seed_product_class():
    """Oscar's product class for every craft piece."""
    ProductClass = get_model("catalogue", "ProductClass")
    return upsert(
        ProductClass,
        {"slug": "craft-piece"},
        {"name": "Craft piece", "track_stock": True, "requires_shipping": True},
    )
