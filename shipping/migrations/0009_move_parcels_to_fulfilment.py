"""Parcels and their papers move to the fulfilment app: tables renamed, rows kept."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("shipping", "0008_move_regimes_to_compliance")]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.AlterModelTable("Parcel", "fulfilment_parcel"),
                migrations.AlterModelTable("ParcelDocument", "fulfilment_parceldocument"),
            ],
            state_operations=[
                migrations.DeleteModel("ParcelDocument"),
                migrations.DeleteModel("Parcel"),
            ],
        )
    ]
