"""One fulfilment model, step 3: events belong to parcels only, and the Fulfilment table goes
(its data now lives on the parcels, migration 0005)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("fulfilment", "0005_fulfilments_into_parcels")]

    operations = [
        migrations.RemoveField("fulfilmentevent", "fulfilment"),
        migrations.AlterField(
            model_name="fulfilmentevent",
            name="parcel",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="events",
                to="fulfilment.parcel",
            ),
        ),
        migrations.AlterField(
            model_name="fulfilmentevent",
            name="carrier",
            field=models.CharField(blank=True, max_length=40, verbose_name="Carrier"),
        ),
        migrations.RenameModel("FulfilmentEvent", "ParcelEvent"),
        migrations.AlterModelOptions(
            name="parcelevent",
            options={
                "ordering": ["created_at", "pk"],
                "verbose_name": "Parcel event",
                "verbose_name_plural": "Parcel events",
            },
        ),
        migrations.DeleteModel("Fulfilment"),
    ]
