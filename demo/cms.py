"""Demo editorial content for seed_demo: collections, artisan stories, craft, region and
standard pages and a journal, in English, French, Arabic and Spanish.

Idempotent: a page is looked up by its English slug under the home page and created (and
published) only when missing, so pages edited by curators during a demo are left alone.
"""

from datetime import date
from functools import partial
from pathlib import PurePath

from django.core.files import File
from django.utils.html import escape
from oscar.core.loading import get_model
from wagtail.images import get_image_model
from wagtail.rich_text import RichText

from demo import cms_texts
from demo.catalogue.crafts import CRAFTS
from demo.catalogue.data import SELLERS
from demo.rows import LANGS, translated
from marketplace.cms import catalogue, models
from marketplace.cms.workflow import ensure_editorial_workflow

PRODUCTS_PER_COLLECTION = 8


def paragraph(text):
    return f"<p>{escape(text)}</p>" if text else ""


def stream(blocks):
    """Per-language StreamField values from ``[(block_type, texts per language)]``."""
    by_language = []
    for index in range(len(LANGS)):
        values = []
        for block_type, texts in blocks:
            value = texts[index]
            if block_type == "paragraph":
                value = RichText(value)
            elif block_type == "question":
                value = {"question": value[0], "answer": RichText(value[1])}
            elif block_type == "quote":
                value = {"text": value, "author": ""}
            values.append((block_type, value))
        by_language.append(values)
    return translated("body", tuple(by_language))


def picture_of(products, title):
    """A Wagtail image made from the first product photo among ``products`` (reused by title)."""
    ProductImage = get_model("catalogue", "ProductImage")
    Image = get_image_model()
    image = Image.objects.filter(title=title).first()
    if image is not None:
        return image
    photo = ProductImage.objects.filter(product__in=products).order_by("product_id", "pk").first()
    if photo is None or not photo.original:
        return None
    with photo.original.open("rb") as handle:
        image = Image(title=title, file=File(handle, name=PurePath(photo.original.name).name))
        image.save()
    return image


def ensure_page(parent, page_class, slug, fields):
    """The child of ``parent`` with English slug ``slug``; created and published if missing.

    A callable value in ``fields`` (a picture to make) is called only when the page is created;
    ``slug_<lang>`` values in ``fields`` give the page translated slugs (``slug`` by default).
    """
    page = page_class.objects.child_of(parent).filter(slug_en=slug).first()
    if page is not None:
        return page, False
    values = {name: value() if callable(value) else value for name, value in fields.items()}
    page = page_class(**{**translated("slug", (slug,) * len(LANGS)), **values})
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page, True


def seed_collection(home, spec):
    exists = models.CollectionPage.objects.filter(slug_en=spec["slug"]).exists()
    picks = (
        []
        if exists
        else list(
            catalogue.purchasable()
            .filter(**spec["filter"])
            .order_by("pk")
            .values_list("pk", flat=True)
            .distinct()[:PRODUCTS_PER_COLLECTION]
        )
    )
    fields = {
        "cover_image": partial(picture_of, picks, f"Collection: {spec['title'][0]}"),
        **translated("title", spec["title"]),
        **translated("intro", spec["intro"]),
    }
    page, created = ensure_page(home, models.CollectionPage, spec["slug"], fields)
    if created:
        for position, product_id in enumerate(picks):
            page.product_links.add(
                models.CollectionProduct(product_id=product_id, sort_order=position)
            )
        page.save_revision().publish()
    return page


def seed_story(home, slug, arabic_names):
    Partner = get_model("partner", "Partner")
    seller = Partner.objects.filter(slug=slug).first()
    if seller is None:
        return None
    texts = cms_texts.ARTISAN_BODY
    names = (seller.name, seller.name, arabic_names.get(slug, seller.name), seller.name)
    products = catalogue.purchasable().filter(stockrecords__partner=seller)
    fields = {
        "seller": seller,
        "portrait": partial(picture_of, products, f"Workshop: {seller.name}"),
        **translated("title", names),
        **translated("intro", tuple(paragraph(getattr(seller, f"story_{lang}")) for lang in LANGS)),
        **stream(
            [
                ("heading", texts["heading"]),
                ("paragraph", texts["paragraph"]),
                ("quote", texts["quote"]),
            ]
        ),
    }
    return ensure_page(home, models.ArtisanStoryPage, slug, fields)[0]


def seed_craft_pages(home):
    Category = get_model("catalogue", "Category")
    pages = []
    for category in Category.objects.filter(depth=1).order_by("path"):
        codes = {category.code} | set(category.get_children().values_list("code", flat=True))
        blurbs = [craft.blurb for craft in CRAFTS if craft.category in codes]
        blocks = [("heading", cms_texts.CRAFT_HEADING)]
        blocks += [("paragraph", tuple(paragraph(text) for text in blurb)) for blurb in blurbs]
        names = tuple(getattr(category, f"name_{lang}") or category.name for lang in LANGS)
        intros = tuple(paragraph(getattr(category, f"description_{lang}")) for lang in LANGS)
        products = catalogue.purchasable().in_category(category)
        fields = {
            "category": category,
            "cover_image": partial(picture_of, products, f"Craft: {category.name_en}"),
            **translated("title", names),
            **translated("intro", intros),
            **stream(blocks),
        }
        pages.append(ensure_page(home, models.CraftPage, category.slug, fields)[0])
    return pages


def seed_region_pages(home):
    Region = get_model("catalogue", "Region")
    codes = {row[5] for row in SELLERS}
    pages = []
    for region in Region.objects.filter(code__in=codes):
        names = tuple(getattr(region, f"name_{lang}") or region.name for lang in LANGS)
        intros = tuple(
            template.format(region=escape(name))
            for template, name in zip(cms_texts.REGION_INTRO, names, strict=True)
        )
        fields = {
            "region": region,
            "cover_image": partial(picture_of, region.products.all(), f"Region: {region.name_en}"),
            **translated("title", names),
            **translated("intro", intros),
        }
        pages.append(ensure_page(home, models.RegionPage, region.code, fields)[0])
    return pages


def seed_standard_pages(home):
    for spec in cms_texts.STANDARD_PAGES:
        fields = {
            **translated("slug", spec.get("slugs", (spec["slug"],) * len(LANGS))),
            **translated("title", spec["title"]),
            **translated("intro", spec["intro"]),
            **stream(spec["blocks"]),
        }
        ensure_page(home, models.StandardPage, spec["slug"], fields)


def seed_journal(home):
    spec = cms_texts.JOURNAL
    fields = {**translated("title", spec["title"]), **translated("intro", spec["intro"])}
    journal, _created = ensure_page(home, models.JournalIndexPage, spec["slug"], fields)
    for article in cms_texts.ARTICLES:
        fields = {
            "date": date.fromisoformat(article["date"]),
            **translated("author", (article["author"],) * len(LANGS)),
            **translated("title", article["title"]),
            **translated("intro", article["intro"]),
            **stream([("paragraph", article["paragraph"])]),
        }
        ensure_page(journal, models.ArticlePage, article["slug"], fields)
    return journal


def feature_on_home(home, collections, stories):
    """Feature the collections and stories on the home page, unless a curator already did."""
    if home.featured_collections.exists() or home.featured_artisans.exists():
        return
    for position, page in enumerate(collections):
        home.featured_collections.add(
            models.HomeFeaturedCollection(collection=page, sort_order=position)
        )
    for position, page in enumerate(stories):
        home.featured_artisans.add(models.HomeFeaturedArtisan(story=page, sort_order=position))
    home.save_revision().publish()


def seed_cms(home):
    """All demo editorial content under ``home``; return the number of pages under it."""
    ensure_editorial_workflow()
    arabic_names = {row[0]: row[2] for row in SELLERS}
    collections = [seed_collection(home, spec) for spec in cms_texts.COLLECTIONS]
    stories = [seed_story(home, slug, arabic_names) for slug in cms_texts.ARTISANS]
    seed_craft_pages(home)
    seed_region_pages(home)
    seed_standard_pages(home)
    seed_journal(home)
    feature_on_home(home, collections, [story for story in stories if story])
    return home.get_descendants().count()
