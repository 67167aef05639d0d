"""One fulfilment model, step 1: the parcel gains the status, timestamps and history that the
per-seller Fulfilment row kept beside it (``dispatched_at`` becomes ``shipped_at``); events get a
parcel. Step 2 (0005) copies the data, step 3 (0006) drops the Fulfilment. Each step is its own
transaction: PostgreSQL refuses to alter a table with row changes pending in the same one.
"""

import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models

STATUSES = [
    ("paid", "Paid"),
    ("in_preparation", "In preparation"),
    ("shipped", "Shipped"),
    ("delivered", "Delivered"),
]


class Migration(migrations.Migration):
    dependencies = [("fulfilment", "0003_parcels_from_shipping")]

    operations = [
        migrations.RenameField("parcel", "dispatched_at", "shipped_at"),
        migrations.AlterField(
            model_name="parcel",
            name="shipped_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="Shipped at"),
        ),
        migrations.AddField(
            model_name="parcel",
            name="status",
            field=models.CharField(
                choices=STATUSES,
                db_index=True,
                default="paid",
                max_length=20,
                verbose_name="Status",
            ),
        ),
        migrations.AddField(
            model_name="parcel",
            name="preparing_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="In preparation since"),
        ),
        migrations.AddField(
            model_name="parcel",
            name="delivered_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="Delivered at"),
        ),
        migrations.AddField(
            model_name="parcel",
            name="updated_at",
            field=models.DateTimeField(
                auto_now=True, default=django.utils.timezone.now, verbose_name="Updated at"
            ),
            preserve_default=False,
        ),
        migrations.AlterField(
            model_name="parcel",
            name="tracking_number",
            field=models.CharField(blank=True, max_length=64, verbose_name="Tracking number"),
        ),
        migrations.AddField(
            model_name="fulfilmentevent",
            name="parcel",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="events",
                to="fulfilment.parcel",
            ),
        ),
        migrations.AlterField(
            model_name="fulfilmentevent",
            name="fulfilment",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="fulfilment.fulfilment",
            ),
        ),
    ]
