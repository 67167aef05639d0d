"""The "Curators" group: its members verify sellers (permission partner.verify_seller)."""

from django.db import migrations

GROUP = "Curators"


def create_group(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    content_type, _ = ContentType.objects.get_or_create(app_label="partner", model="partner")
    permission, _ = Permission.objects.get_or_create(
        codename="verify_seller",
        content_type=content_type,
        defaults={"name": "Can verify sellers (curator)"},
    )
    group, _ = Group.objects.get_or_create(name=GROUP)
    group.permissions.add(permission)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):

    dependencies = [
        ("partner", "0009_seller_identity_verification_history"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
