"""Builders for CMS pages, translated in the four shipped languages."""

from marketplace.cms import models

LANGS = ("en", "fr", "ar", "es")


TITLES = {
    "en": "{} en",
    "fr": "{} fr",
    "ar": "{} عربي",
    "es": "{} es",
}


def translated(field, texts):
    values = {field: texts[0]}
    values.update({f"{field}_{lang}": text for lang, text in zip(LANGS, texts, strict=True)})
    return values


def add_page(parent, page_class, name, publish=True, **fields):
    """Add a ``page_class`` child of ``parent`` titled ``name`` in each language."""
    titles = tuple(TITLES[lang].format(name) for lang in LANGS)
    slug = name.lower().replace(" ", "-")
    values = {**translated("title", titles), **translated("slug", (slug,) * len(LANGS))}
    values.update(translated("intro", tuple(f"<p>Intro {lang} {name}</p>" for lang in LANGS)))
    values.update(fields, live=publish)
    page = page_class(**values)
    parent.add_child(instance=page)
    if publish:
        page.save_revision().publish()
        page.refresh_from_db()
    return page


def collection(home, products=(), name="Wedding gifts", **fields):
    page = add_page(home, models.CollectionPage, name, publish=False, **fields)
    for position, product in enumerate(products):
        page.product_links.add(models.CollectionProduct(product=product, sort_order=position))
    page.save_revision().publish()
    page.refresh_from_db()
    return page
