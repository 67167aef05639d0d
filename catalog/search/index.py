"""Search documents: what each product says in each language, weighted for ranking.

Weights: A title; B craft, region, materials, techniques, seller; C description; D the English
title and facts in the other languages (buyers often type English craft names anywhere).
"""

from django.conf import settings
from django.db import connection, transaction
from oscar.core.loading import get_model

from catalog.search.text import fold

BATCH = 500

# A document: its text and weighted vector, and its product's list row read from the product,
# its one stock record and its links, with the same expressions ``catalog.facets`` uses to read
# a list from the products themselves. Written in one statement: a second UPDATE would leave a
# dead copy of every document behind.
UPSERT_SQL = """
INSERT INTO catalogue_productsearchdocument (
    product_id, language, document, vector, listed, seller_id, region_id, unique_piece,
    price_cents, created_us, material_ids, technique_ids, category_ids)
SELECT product.id, %(language)s, %(document)s,
    setweight(to_tsvector(%(config)s::regconfig, %(title)s), 'A') ||
    setweight(to_tsvector(%(config)s::regconfig, %(facts)s), 'B') ||
    setweight(to_tsvector(%(config)s::regconfig, %(description)s), 'C') ||
    setweight(to_tsvector(%(config)s::regconfig, %(english)s), 'D'),
    product.is_public AND product.parent_id IS NULL AND EXISTS (
        SELECT 1 FROM catalogue_productimage AS image WHERE image.product_id = product.id),
    offer.partner_id,
    product.region_id,
    product.is_unique_piece,
    (offer.price * 100)::bigint,
    (EXTRACT(EPOCH FROM product.date_created) * 1000000)::bigint,
    ARRAY(SELECT link.material_id FROM catalogue_product_materials AS link
          WHERE link.product_id = product.id),
    ARRAY(SELECT link.technique_id FROM catalogue_product_techniques AS link
          WHERE link.product_id = product.id),
    ARRAY(SELECT link.category_id FROM catalogue_productcategory AS link
          WHERE link.product_id = product.id)
FROM catalogue_product AS product
LEFT JOIN partner_stockrecord AS offer ON offer.product_id = product.id
WHERE product.id = %(product_id)s
ON CONFLICT (product_id, language) DO UPDATE SET
    document = EXCLUDED.document, vector = EXCLUDED.vector, listed = EXCLUDED.listed,
    seller_id = EXCLUDED.seller_id, region_id = EXCLUDED.region_id,
    unique_piece = EXCLUDED.unique_piece, price_cents = EXCLUDED.price_cents,
    created_us = EXCLUDED.created_us, material_ids = EXCLUDED.material_ids,
    technique_ids = EXCLUDED.technique_ids, category_ids = EXCLUDED.category_ids
"""


# Whether a product's documents already hold what they read of its stock record: its seller and
# its price, converted as ``UPSERT_SQL`` converts it (stock levels are in no document).
HOLDS_OFFER_SQL = """
SELECT EXISTS (
    SELECT 1 FROM catalogue_productsearchdocument
    WHERE product_id = %s AND language = %s AND seller_id IS NOT DISTINCT FROM %s
        AND price_cents IS NOT DISTINCT FROM (%s::numeric * 100)::bigint
)
"""


def holds_offer(record):
    """Whether saving the stock record ``record`` leaves its product's documents as they are.
    PostgreSQL only (the documents written are compared); elsewhere a document holds its text
    alone and the product is indexed again."""
    if connection.vendor != "postgresql":
        return False
    with connection.cursor() as cursor:
        language = settings.LANGUAGE_CODE
        cursor.execute(
            HOLDS_OFFER_SQL, [record.product_id, language, record.partner_id, record.price]
        )
        return cursor.fetchone()[0]


def languages():
    return [code for code, _name in settings.LANGUAGES]


def search_config(language):
    return f"mp_{language}"


def _translated(instance, field, language):
    return getattr(instance, f"{field}_{language}", None) or getattr(instance, f"{field}_en", "")


class _Vocabulary:
    """Categories by path, loaded once per batch, so ancestors cost no query."""

    def __init__(self):
        Category = get_model("catalogue", "Category")
        self.by_path = {c.path: c for c in Category.objects.all()}
        self.steplen = Category.steplen

    def crafts(self, product):
        names = []
        for category in product.categories.all():
            path = category.path
            for end in range(self.steplen, len(path) + 1, self.steplen):
                node = self.by_path.get(path[:end])
                if node is not None and node not in names:
                    names.append(node)
        return names


def _texts(product, language, vocabulary):
    seller = product.seller
    facts = [
        *(_translated(c, "name", language) for c in vocabulary.crafts(product)),
        _translated(product.region, "name", language) if product.region else "",
        *(_translated(m, "name", language) for m in product.materials.all()),
        *(_translated(t, "name", language) for t in product.techniques.all()),
        *((seller.name, seller.name_latin, seller.name_arabic) if seller else ()),
    ]
    english = ""
    if language != "en":
        english = " ".join(
            [
                product.title_en or "",
                *(_translated(c, "name", "en") for c in vocabulary.crafts(product)),
            ]
        )
    return {
        "title": _translated(product, "title", language) or product.title,
        "facts": " ".join(f for f in facts if f),
        "description": _translated(product, "description", language),
        "english": english,
    }


def _rows(products, vocabulary):
    for product in products:
        for language in languages():
            texts = _texts(product, language, vocabulary)
            document = fold(" ".join(texts.values()))
            yield product.pk, language, document, texts


def _products(product_ids):
    Product = get_model("catalogue", "Product")
    queryset = (
        Product.objects.all() if product_ids is None else Product.objects.filter(pk__in=product_ids)
    )
    return (
        queryset.select_related("region")
        .prefetch_related("categories", "materials", "techniques", "stockrecords__partner")
        .order_by("pk")
    )


def _write_postgres(rows):
    params = [
        {
            "product_id": pk,
            "language": language,
            "document": document,
            "config": search_config(language),
            **texts,
        }
        for pk, language, document, texts in rows
    ]
    with connection.cursor() as cursor:
        cursor.executemany(UPSERT_SQL, params)


PORTABLE_INSERT_SQL = """
INSERT INTO catalogue_productsearchdocument (product_id, language, document) VALUES (%s, %s, %s)
"""


def _write_portable(rows):
    """The text only: the list row lives in PostgreSQL arrays (an ORM insert would cast to one)."""
    Document = get_model("catalogue", "ProductSearchDocument")
    rows = list(rows)
    Document.objects.filter(product_id__in={row[0] for row in rows}).delete()
    with connection.cursor() as cursor:
        cursor.executemany(
            PORTABLE_INSERT_SQL, [(pk, language, document) for pk, language, document, _t in rows]
        )


def reindex(product_ids=None):
    """Rebuild the documents of the given products (all products when None); returns a count."""
    vocabulary = _Vocabulary()
    write = _write_postgres if connection.vendor == "postgresql" else _write_portable
    ids = None if product_ids is None else list(product_ids)
    count = 0
    queryset = _products(ids)
    for start in range(0, queryset.count(), BATCH):
        batch = list(queryset[start : start + BATCH])
        with transaction.atomic():
            write(_rows(batch, vocabulary))
        count += len(batch)
    return count
