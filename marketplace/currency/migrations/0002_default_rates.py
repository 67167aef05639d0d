"""The shipped default rate table, used until the feed's first refresh (approximate rates)."""

import datetime
from decimal import Decimal

from django.db import migrations

DEFAULT_DATE = datetime.date(2026, 11, 2)
DEFAULT_RATES = {
    "MAD": Decimal("1"),
    "EUR": Decimal("0.09250000"),
    "USD": Decimal("0.10800000"),
    "GBP": Decimal("0.08100000"),
    "CAD": Decimal("0.15100000"),
}
SOURCE = "shipped default table"


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
