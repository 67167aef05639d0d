"""Import regimes and duty rates, moved from the shipping app with their tables and rows.

Shipping's migration 0008 renamed the tables (shipping_importregime -> compliance_importregime,
shipping_dutyrate -> compliance_dutyrate) and dropped the models from its state; this one adds
them to the compliance app's state without touching the database, and moves their content types
so the permissions granted on them follow.
"""

import django.core.validators
from django.db import migrations, models

MODELS = ["importregime", "dutyrate"]


def move_content_types(source, target):
    def move(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        ContentType.objects.filter(app_label=source, model__in=MODELS).update(app_label=target)

    return move


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("shipping", "0008_move_regimes_to_compliance"),
    ]

    state_operations = [
        migrations.CreateModel(
            name='DutyRate',
            fields=[
                ('id', models.AutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('country', models.CharField(max_length=2, validators=[django.core.validators.RegexValidator('^[A-Z]{2}$', 'Use a two-letter ISO country code.')], verbose_name='Country')),
                ('hs_prefix', models.CharField(blank=True, max_length=10, verbose_name='HS code prefix')),
                ('rate', models.DecimalField(decimal_places=2, max_digits=5, verbose_name='Duty rate (%)')),
                ('valid_from', models.DateField(verbose_name='Valid from')),
                ('valid_to', models.DateField(blank=True, null=True, verbose_name='Valid to')),
            ],
            options={
                'verbose_name': 'Duty rate',
                'verbose_name_plural': 'Duty rates',
                'ordering': ['country', 'hs_prefix', 'valid_from'],
            },
        ),
        migrations.CreateModel(
            name='ImportRegime',
            fields=[
                ('id', models.AutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('country', models.CharField(max_length=2, validators=[django.core.validators.RegexValidator('^[A-Z]{2}$', 'Use a two-letter ISO country code.')], verbose_name='Country')),
                ('valid_from', models.DateField(verbose_name='Valid from')),
                ('valid_to', models.DateField(blank=True, null=True, verbose_name='Valid to')),
                ('currency', models.CharField(max_length=3, verbose_name='Currency')),
                ('tax_name', models.CharField(default='VAT', max_length=30, verbose_name='Tax name')),
                ('tax_rate', models.DecimalField(decimal_places=2, default=0, max_digits=5, verbose_name='Tax rate (%)')),
                ('tax_free_up_to', models.DecimalField(blank=True, decimal_places=2, max_digits=10, null=True, verbose_name='Tax-free up to')),
                ('tax_at_checkout_up_to', models.DecimalField(blank=True, decimal_places=2, help_text='e.g. EU IOSS (EUR 150) or UK VAT at the point of sale (GBP 135).', max_digits=10, null=True, verbose_name='Tax collected at checkout up to')),
                ('duty_free_up_to', models.DecimalField(blank=True, decimal_places=2, max_digits=10, null=True, verbose_name='Duty-free up to')),
                ('flat_duty_per_item_type', models.DecimalField(blank=True, decimal_places=2, max_digits=8, null=True, verbose_name='Flat duty per item type')),
                ('flat_duty_up_to', models.DecimalField(blank=True, decimal_places=2, max_digits=10, null=True, verbose_name='Flat duty applies up to')),
                ('moroccan_origin_duty_free', models.BooleanField(default=False, help_text='A trade agreement with an origin proof (EU, UK).', verbose_name='Moroccan origin enters duty-free')),
                ('origin_surcharge_rate', models.DecimalField(decimal_places=2, default=0, max_digits=5, verbose_name='Surcharge on Moroccan goods (%)')),
                ('notes', models.TextField(blank=True, verbose_name='Notes')),
            ],
            options={
                'verbose_name': 'Import regime',
                'verbose_name_plural': 'Import regimes',
                'ordering': ['country', 'valid_from'],
            },
        ),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=state_operations),
        migrations.RunPython(
            move_content_types("shipping", "compliance"),
            move_content_types("compliance", "shipping"),
        ),
    ]
