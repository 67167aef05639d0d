"""Search documents carry their product's list row (PostgreSQL), filled here for the documents
already written; ``catalog.search.index`` keeps them current. No-op on SQLite."""

import django.contrib.postgres.fields
from django.db import migrations, models


FILL = """
UPDATE catalogue_productsearchdocument AS document SET
    listed = product.is_public AND product.parent_id IS NULL,
    seller_id = offer.partner_id,
    region_id = product.region_id,
    unique_piece = product.is_unique_piece,
    price_cents = (offer.price * 100)::bigint,
    created_us = (EXTRACT(EPOCH FROM product.date_created) * 1000000)::bigint,
    material_ids = ARRAY(SELECT link.material_id FROM catalogue_product_materials AS link
                         WHERE link.product_id = product.id),
    technique_ids = ARRAY(SELECT link.technique_id FROM catalogue_product_techniques AS link
                          WHERE link.product_id = product.id),
    category_ids = ARRAY(SELECT link.category_id FROM catalogue_productcategory AS link
                         WHERE link.product_id = product.id)
FROM catalogue_product AS product
LEFT JOIN partner_stockrecord AS offer ON offer.product_id = product.id
WHERE document.product_id = product.id
"""


def fill(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FILL)


class Migration(migrations.Migration):

    dependencies = [
        ('catalogue', '0039_product_processing_days'),
        # The fill reads each product's one stock record and its price.
        ('partner', '0008_seller_identity_and_one_stockrecord'),
    ]

    operations = [
        migrations.AddField(
            model_name='productsearchdocument',
            name='category_ids',
            field=django.contrib.postgres.fields.ArrayField(base_field=models.IntegerField(), null=True, size=None),
        ),
        migrations.AddField(
            model_name='productsearchdocument',
            name='created_us',
            field=models.BigIntegerField(help_text='Microseconds since the epoch.', null=True),
        ),
        migrations.AddField(
            model_name='productsearchdocument',
            name='listed',
            field=models.BooleanField(db_default=False, help_text='Public and not a variant.'),
        ),
        migrations.AddField(
            model_name='productsearchdocument',
            name='material_ids',
            field=django.contrib.postgres.fields.ArrayField(base_field=models.IntegerField(), null=True, size=None),
        ),
        migrations.AddField(
            model_name='productsearchdocument',
            name='price_cents',
            field=models.BigIntegerField(null=True),
        ),
        migrations.AddField(
            model_name='productsearchdocument',
            name='region_id',
            field=models.IntegerField(null=True),
        ),
        migrations.AddField(
            model_name='productsearchdocument',
            name='seller_id',
            field=models.IntegerField(help_text='The seller of its stock record.', null=True),
        ),
        migrations.AddField(
            model_name='productsearchdocument',
            name='technique_ids',
            field=django.contrib.postgres.fields.ArrayField(base_field=models.IntegerField(), null=True, size=None),
        ),
        migrations.AddField(
            model_name='productsearchdocument',
            name='unique_piece',
            field=models.BooleanField(db_default=False),
        ),
            migrations.RunPython(fill, migrations.RunPython.noop),
    ]
