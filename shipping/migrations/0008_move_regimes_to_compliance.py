"""Import regimes and duty rates move to the compliance app: tables renamed, rows kept."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("shipping", "0007_parcel_shipping_refunded")]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.AlterModelTable("ImportRegime", "compliance_importregime"),
                migrations.AlterModelTable("DutyRate", "compliance_dutyrate"),
            ],
            state_operations=[
                migrations.DeleteModel("ImportRegime"),
                migrations.DeleteModel("DutyRate"),
            ],
        )
    ]
