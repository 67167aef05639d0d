"""Covering partial indexes of the list rows (``catalog.search.engine.list_parts``): a cold list
reads one language's listed rows by index-only scans instead of visiting the wide documents
(text and vector, ~1.5 KB each, the four languages interleaved), already in its two orders:
``list_rows_en`` read backwards is the newest order, ``list_prices_en`` the price order.

Keyed on columns no search filters on, so the planner never prefers them to the GIN indexes for
a search (they lack the vector; "rug" at 100,000 products: 15 ms with them, 20-26 without).
Measured at 10,000 products: the rows' scan 22 -> 6 ms, 8,594 -> 191 buffers; at 100,000 the
whole catalogue's cold index 1.9 s -> 0.14 s with ``list_index.from_sql``. No-op on SQLite.
"""

from django.db import migrations

FORWARD = [
    "CREATE INDEX IF NOT EXISTS list_rows_en ON catalogue_productsearchdocument"
    " (created_us, product_id) INCLUDE (seller_id, region_id, unique_piece, price_cents,"
    " material_ids, technique_ids, category_ids) WHERE language = 'en' AND listed",
    "CREATE INDEX IF NOT EXISTS list_prices_en ON catalogue_productsearchdocument"
    " (price_cents, product_id) INCLUDE (seller_id)"
    " WHERE language = 'en' AND listed AND price_cents IS NOT NULL",
]
BACKWARD = ["DROP INDEX IF EXISTS list_rows_en", "DROP INDEX IF EXISTS list_prices_en"]


def run_on_postgres(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for sql in statements:
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0043_craft_vocabulary_and_listed_with_photo")]
    operations = [migrations.RunPython(run_on_postgres(FORWARD), run_on_postgres(BACKWARD))]
