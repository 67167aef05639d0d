from django.db import migrations

from shipping import reference_load


def forwards(apps, schema_editor):
    reference_load.load(lambda name: apps.get_model("shipping", name))


def backwards(apps, schema_editor):
    reference_load.unload(lambda name: apps.get_model("shipping", name))


class Migration(migrations.Migration):
    dependencies = [("shipping", "0004_export_tables")]

    operations = [migrations.RunPython(forwards, backwards)]
