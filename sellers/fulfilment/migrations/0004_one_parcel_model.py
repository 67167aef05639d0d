"""One fulfilment model: the parcel carries the status, timestamps and history that the
per-seller Fulfilment row kept beside it.

Each Fulfilment's status, timestamps and tracking move onto its parcel (an order without a
parcel gets a bare one, as the seller space would have opened); its events become the parcel's
events; ``dispatched_at`` becomes ``shipped_at``. Then the Fulfilment table goes. Backwards,
Fulfilments are rebuilt from the parcels and the events handed back.
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


def _parcel_of(apps, fulfilment):
    Parcel = apps.get_model("fulfilment", "Parcel")
    SellerShipping = apps.get_model("shipping", "SellerShipping")
    seller = fulfilment.seller
    parcel, _created = Parcel.objects.get_or_create(
        order_id=fulfilment.order_id,
        partner_id=fulfilment.seller_id,
        defaults={
            "origin_city": seller.city,
            "packing_check_required": SellerShipping.objects.filter(
                partner=seller, packing_check_required=True
            ).exists(),
        },
    )
    return parcel


def fulfilments_to_parcels(apps, schema_editor):
    Fulfilment = apps.get_model("fulfilment", "Fulfilment")
    Parcel = apps.get_model("fulfilment", "Parcel")
    FulfilmentEvent = apps.get_model("fulfilment", "FulfilmentEvent")
    for fulfilment in Fulfilment.objects.select_related("seller").iterator():
        parcel = _parcel_of(apps, fulfilment)
        parcel.status = fulfilment.status
        parcel.preparing_at = fulfilment.preparing_at
        parcel.shipped_at = parcel.shipped_at or fulfilment.shipped_at
        parcel.delivered_at = fulfilment.delivered_at
        parcel.tracking_number = parcel.tracking_number or fulfilment.tracking_number
        parcel.save()
        FulfilmentEvent.objects.filter(fulfilment=fulfilment).update(parcel=parcel)
    unopened = Parcel.objects.filter(status="paid", shipped_at__isnull=False)
    unopened.update(status="shipped")


def parcels_to_fulfilments(apps, schema_editor):
    Fulfilment = apps.get_model("fulfilment", "Fulfilment")
    Parcel = apps.get_model("fulfilment", "Parcel")
    FulfilmentEvent = apps.get_model("fulfilment", "FulfilmentEvent")
    for parcel in Parcel.objects.select_related("service__carrier").iterator():
        fulfilment = Fulfilment.objects.create(
            order_id=parcel.order_id,
            seller_id=parcel.partner_id,
            status=parcel.status,
            carrier=parcel.service.carrier.code if parcel.service else "",
            tracking_number=parcel.tracking_number,
            preparing_at=parcel.preparing_at,
            shipped_at=parcel.shipped_at,
            delivered_at=parcel.delivered_at,
        )
        FulfilmentEvent.objects.filter(parcel=parcel).update(fulfilment=fulfilment)


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
        migrations.RunPython(fulfilments_to_parcels, parcels_to_fulfilments),
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
