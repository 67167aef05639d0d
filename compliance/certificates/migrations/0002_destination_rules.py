from django.db import migrations

RULES = [
    # destination, product kind, certificate type, standard must mention, marked exempts
    ("US", "ceramic_tableware", "lab_test", "ASTM C738", True),
    ("EU", "ceramic_tableware", "declaration", "84/500/EEC", True),
    ("EU", "leather", "lab_test", "EN ISO 17075", False),
    ("US", "wood", "lacey_act", "", False),
    ("US", "plant", "lacey_act", "", False),
    ("US", "children", "cpsia", "", False),
]


def forwards(apps, schema_editor):
    DestinationRule = apps.get_model("certificates", "DestinationRule")
    for destination, kind, certificate, standard, exempt in RULES:
        DestinationRule.objects.get_or_create(
            destination=destination,
            product_kind=kind,
            certificate_type=certificate,
            defaults={
                "standard_contains": standard,
                "exempt_if_marked_not_for_food": exempt,
                "valid_from": "2020-01-01",
            },
        )


def backwards(apps, schema_editor):
    apps.get_model("certificates", "DestinationRule").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("certificates", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards)]
