"""Reference data for the demo: vocabularies, craft categories, product class, sellers, home page.

Each function is idempotent: rows are looked up by a stable code or slug and created only when
missing. An existing row is saved only when one of its texts differs, so a second run writes
nothing (and fires no search reindexing). A seller's verification status is only set when the
seller is created, so a status changed by staff during a demo is kept.
"""

import random

from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone
from django.utils.text import slugify
from oscar.core.loading import get_model
from wagtail.models import Page, Site

from demo.accounts import seed_member_accounts
from demo.catalogue.crafts import CRAFTS_BY_KEY
from demo.catalogue.data import (
    CATEGORIES,
    CITIES,
    COOPERATIVE_MEMBERS,
    HOME_PAGE,
    LANGS,
    SELLERS,
    STORY_ARTISAN,
    STORY_COOPERATIVE,
    STORY_ENTERPRISE,
)
from demo.catalogue.products import SellerInfo
from marketplace.cms.models import HomePage


def translated(field, texts):
    """Field values for every language, plus the base field (English)."""
    values = {field: texts[0]}
    values.update({f"{field}_{lang}": text for lang, text in zip(LANGS, texts, strict=True)})
    return values


def load_regions(codes):
    """The regions from the data migration, by code; all of ``codes`` must exist."""
    Region = get_model("catalogue", "Region")
    regions = Region.objects.in_bulk(field_name="code")
    missing = sorted(set(codes) - set(regions))
    if missing:
        raise CommandError(f"Missing regions {missing}: run migrate first.")
    return regions


def update_changed(instance, fields):
    """Set and save only the fields whose value differs; return the instance."""
    changed = [name for name, value in fields.items() if getattr(instance, name) != value]
    if changed:
        for name in changed:
            setattr(instance, name, fields[name])
        instance.save(update_fields=changed)
    return instance


def upsert(model, lookup, fields, create_only=None):
    """Create the row found by ``lookup`` with ``fields`` (and ``create_only``), or update it."""
    instance = model.objects.filter(**lookup).first()
    if instance is None:
        return model.objects.create(**lookup, **fields, **(create_only or {}))
    return update_changed(instance, fields)


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


def seed_product_class():
    """Oscar's product class for every craft piece."""
    ProductClass = get_model("catalogue", "ProductClass")
    return upsert(
        ProductClass,
        {"slug": "craft-piece"},
        {"name": "Craft piece", "track_stock": True, "requires_shipping": True},
    )


def story_texts(row, seed):
    """The seller's story in every language, from the templates for its kind."""
    slug, name, name_ar, kind, gender, _region, city, crafts, _status = row
    rng = random.Random(f"{seed}:seller:{slug}")
    values = {"members": ("",) * len(LANGS)}
    if kind == "cooperative":
        templates, values["members"] = STORY_COOPERATIVE, COOPERATIVE_MEMBERS[gender]
        year, n = rng.randint(1996, 2018), rng.randint(12, 60)
    elif kind == "enterprise":
        templates = STORY_ENTERPRISE
        year, n = rng.randint(1962, 2012), rng.randint(11, 40)
    else:
        templates = STORY_ARTISAN[gender]
        year, n = None, rng.randint(12, 45)
    values.update(
        name=(name, name, name_ar, name),
        city=CITIES[city],
        activity=CRAFTS_BY_KEY[crafts[0]].activity,
    )
    return tuple(
        template.format(year=year, n=n, **{key: texts[k] for key, texts in values.items()})
        for k, template in enumerate(templates)
    )


def seed_sellers(regions, seed):
    """Create the demo sellers (or refresh their texts); return {slug: Partner}."""
    Partner = get_model("partner", "Partner")
    sellers = {}
    for row in SELLERS:
        slug, name, _name_ar, kind, _gender, region, city, _crafts, status = row
        defaults = {
            "name": name,
            "kind": kind,
            "region_id": regions[region].pk,
            "city": CITIES[city][0],
            **translated("story", story_texts(row, seed)),
        }
        verified = status in (Partner.Status.VERIFIED, Partner.Status.SUSPENDED)
        sellers[slug] = upsert(
            Partner,
            {"slug": slug},
            defaults,
            {"status": status, "verified_at": timezone.now() if verified else None},
        )
    seed_member_accounts(sellers)
    return sellers


def seller_infos(regions):
    """SellerInfo per slug: names, city and region in every language, for descriptions."""
    infos = {}
    for slug, name, name_ar, _kind, _gender, region, city, _crafts, _status in SELLERS:
        region_names = tuple(getattr(regions[region], f"name_{lang}") for lang in LANGS)
        infos[slug] = SellerInfo(slug, (name, name, name_ar, name), CITIES[city], region_names)
    return infos


def remove_welcome_pages(root):
    """Delete Wagtail's default "Welcome" page (a plain, childless Page under the root)."""
    page_type = ContentType.objects.get_for_model(Page)
    for page in root.get_children().filter(content_type=page_type, numchild=0):
        if not Site.objects.filter(root_page=page).exists():
            page.delete()


def create_home_page(site):
    """Add the HomePage under the tree root, in place of Wagtail's welcome page.

    Wagtail's migrations create the root page before wagtail-modeltranslation adds its
    columns, so the root's English title, slug and url_path are empty, and a child would get
    the url_path "home/" instead of "/home/". modeltranslation's own command fills them in.
    """
    call_command("update_translation_fields", "wagtailcore", "page", verbosity=0)
    root = Page.get_first_root_node()
    if site.pk:
        site.root_page = root
        site.save(update_fields=["root_page"])
    remove_welcome_pages(root)
    fields = {
        field: value
        for name, texts in HOME_PAGE.items()
        for field, value in translated(name, texts).items()
    }
    fields.update(translated("slug", ("home",) * len(LANGS)))
    home = HomePage(**fields)
    root.add_child(instance=home)
    home.save_revision().publish()
    return home


def seed_home_page():
    """The HomePage, served by the default Site (localhost:80); return (page, created)."""
    site = (
        Site.objects.filter(is_default_site=True).first()
        or Site.objects.filter(hostname="localhost", port=80).first()
        or Site(hostname="localhost", port=80)
    )
    home = HomePage.objects.first()
    created = home is None
    if created:
        home = create_home_page(site)
    fields = {
        "hostname": "localhost",
        "port": 80,
        "is_default_site": True,
        "root_page_id": home.pk,
        "site_name": HOME_PAGE["title"][0],
    }
    if site.pk:
        update_changed(site, fields)
    else:
        Site.objects.create(**fields)
    remove_welcome_pages(Page.get_first_root_node())
    return home, created
