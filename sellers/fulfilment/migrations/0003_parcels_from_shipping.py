"""Parcels and their customs papers, moved from the shipping app with their tables and rows.

Shipping's migration 0009 renamed the tables and dropped the models from its state; this one
adds them to the fulfilment app's state without touching the database, and moves their content
types so the permissions granted on them (``check_parcel``) follow.
"""

import django.db.models.deletion
import sellers.documents
from django.conf import settings
from django.db import migrations, models

MODELS = ["parcel", "parceldocument"]


def move_content_types(source, target):
    def move(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        ContentType.objects.filter(app_label=source, model__in=MODELS).update(app_label=target)

    return move


class Migration(migrations.Migration):

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ('fulfilment', '0002_carrier_from_shipping_table'),
        ('order', '0021_billingaddress_code_shippingaddress_code'),
        ('partner', '0010_curators_group'),
        ('shipping', '0009_move_parcels_to_fulfilment'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    state_operations = [
        migrations.CreateModel(
            name='Parcel',
            fields=[
                ('id', models.AutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('incoterm', models.CharField(choices=[('DDP', 'Duties paid at checkout (DDP)'), ('DAP', 'Duties paid on delivery (DAP)')], default='DAP', max_length=3, verbose_name='Incoterm')),
                ('origin_city', models.CharField(blank=True, max_length=80, verbose_name='Origin city')),
                ('shipping_charge', models.DecimalField(decimal_places=2, default=0, max_digits=10, verbose_name='Shipping (MAD)')),
                ('duties_at_checkout', models.DecimalField(decimal_places=2, default=0, max_digits=10, verbose_name='Duties and taxes paid at checkout (MAD)')),
                ('duties_on_delivery', models.DecimalField(decimal_places=2, default=0, max_digits=10, verbose_name='Duties and taxes due on delivery, estimate (MAD)')),
                ('tracking_number', models.CharField(blank=True, max_length=60, verbose_name='Tracking number')),
                ('packing_check_required', models.BooleanField(default=False, verbose_name='Packing check required')),
                ('checked_at', models.DateTimeField(blank=True, null=True, verbose_name='Packing checked at')),
                ('dispatched_at', models.DateTimeField(blank=True, null=True, verbose_name='Dispatched at')),
                ('shipping_refunded_at', models.DateTimeField(blank=True, null=True, verbose_name='Shipping and duties refunded at')),
                ('created', models.DateTimeField(auto_now_add=True)),
                ('checked_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='Packing checked by')),
                ('order', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='parcels', to='order.order', verbose_name='Order')),
                ('partner', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='parcels', to='partner.partner', verbose_name='Seller')),
                ('service', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, to='shipping.service', verbose_name='Service')),
            ],
            options={
                'verbose_name': 'Parcel',
                'verbose_name_plural': 'Parcels',
                'ordering': ['order', 'partner'],
                'permissions': [('check_parcel', 'Can confirm a parcel before dispatch')],
            },
        ),
        migrations.CreateModel(
            name='ParcelDocument',
            fields=[
                ('id', models.AutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('invoice', 'Commercial invoice'), ('cn22', 'CN22 customs declaration'), ('cn23', 'CN23 customs declaration'), ('packing_list', 'Packing list')], max_length=20, verbose_name='Kind')),
                ('file', models.FileField(storage=sellers.documents.get_private_storage, upload_to='customs/%Y/%m/', verbose_name='File')),
                ('created', models.DateTimeField(auto_now_add=True)),
                ('parcel', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='documents', to='fulfilment.parcel', verbose_name='Parcel')),
            ],
            options={
                'verbose_name': 'Customs document',
                'verbose_name_plural': 'Customs documents',
                'ordering': ['parcel', 'kind'],
            },
        ),
        migrations.AddConstraint(
            model_name='parcel',
            constraint=models.UniqueConstraint(fields=('order', 'partner'), name='one_parcel_per_seller'),
        ),
        migrations.AddConstraint(
            model_name='parceldocument',
            constraint=models.UniqueConstraint(fields=('parcel', 'kind'), name='one_document_per_kind'),
        ),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=state_operations),
        migrations.RunPython(
            move_content_types("shipping", "fulfilment"),
            move_content_types("fulfilment", "shipping"),
        ),
    ]
