"""One fulfilment model, step 2: each Fulfilment's status, timestamps and tracking move onto its
parcel (an order without a parcel gets a bare one, as the seller space would have opened), and
its events become the parcel's. Backwards, Fulfilments are rebuilt from the parcels.
"""

from django.db import migrations


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
    dependencies = [("fulfilment", "0004_one_parcel_model")]

    operations = [migrations.RunPython(fulfilments_to_parcels, parcels_to_fulfilments)]
