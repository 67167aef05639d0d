"""The shipped default rate table, used until the feed's first refresh (approximate rates)."""

from django.db import migrations

from marketplace.currency.defaults import DEFAULT_DATE, DEFAULT_RATES, SOURCE


def add_default_rates(apps, schema_editor):
    ExchangeRate = apps.get_model("currency", "ExchangeRate")
    for currency, rate in DEFAULT_RATES.items():
        ExchangeRate.objects.get_or_create(
            currency=currency, defaults={"rate": rate, "date": DEFAULT_DATE, "source": SOURCE}
        )


def remove_default_rates(apps, schema_editor):
    ExchangeRate = apps.get_model("currency", "ExchangeRate")
    ExchangeRate.objects.filter(source=SOURCE).delete()


class Migration(migrations.Migration):
    dependencies = [("currency", "0001_initial")]

    operations = [migrations.RunPython(add_default_rates, remove_default_rates)]
