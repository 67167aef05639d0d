"""PostgreSQL full text: unaccent + pg_trgm, one accent-free configuration per language, indexes.

Does nothing on SQLite, where search falls back to plain word matching on ``document``.
"""

from django.db import migrations

CONFIGS = {"mp_en": "english", "mp_fr": "french", "mp_ar": "arabic", "mp_es": "spanish"}

FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    *[
        sql
        for name, base in CONFIGS.items()
        for sql in (
            f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}",
            f"CREATE TEXT SEARCH CONFIGURATION {name} (COPY = pg_catalog.{base})",
            f"ALTER TEXT SEARCH CONFIGURATION {name} ALTER MAPPING FOR hword, hword_part, word"
            f" WITH unaccent, {base}_stem",
        )
    ],
    "CREATE INDEX search_document_vector_gin ON catalogue_productsearchdocument USING gin (vector)",
    "CREATE INDEX search_document_trgm_gin ON catalogue_productsearchdocument"
    " USING gin (document gin_trgm_ops)",
]

BACKWARD = [
    "DROP INDEX IF EXISTS search_document_trgm_gin",
    "DROP INDEX IF EXISTS search_document_vector_gin",
    *[f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}" for name in CONFIGS],
]


def run_on_postgres(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for sql in statements:
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0035_product_search_document")]
    operations = [migrations.RunPython(run_on_postgres(FORWARD), run_on_postgres(BACKWARD))]
