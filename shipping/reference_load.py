"""Load the reference tables (idempotent); used by a data migration with historical models."""

from decimal import Decimal

from django.apps import apps

from shipping import reference_data as data

# Import regimes and duty rates moved to the compliance app (shipping migration 0008).
APP_OF = {"ImportRegime": "compliance", "DutyRate": "compliance"}


def current_models(name):
    """The model called ``name`` as it is now (for ``load`` outside migrations)."""
    return apps.get_model(APP_OF.get(name, "shipping"), name)


def load(models):
    """``models``: a callable name -> model class (``apps.get_model`` bound to ``shipping`` in
    the migration that first loads the tables, ``current_models`` since)."""
    Carrier, Zone, Service, Rate = (models(n) for n in ("Carrier", "Zone", "Service", "Rate"))
    ImportRegime, DutyRate = models("ImportRegime"), models("DutyRate")
    carriers = {}
    for code, name, template in data.CARRIERS:
        carriers[code], _ = Carrier.objects.get_or_create(
            code=code, defaults={"name": name, "tracking_url_template": template}
        )
    zones = {}
    for carrier, rows in data.ZONES.items():
        for code, name, countries in rows:
            zones[carrier, code], _ = Zone.objects.get_or_create(
                carrier=carriers[carrier],
                code=code,
                defaults={"name": name, "countries": ",".join(sorted(countries))},
            )
    for code, carrier, name, postal, volumetric, ddp, tmin, tmax in data.SERVICES:
        service, _ = Service.objects.get_or_create(
            code=code,
            defaults={
                "carrier": carriers[carrier],
                "name": name,
                "is_postal": postal,
                "bills_volumetric_weight": volumetric,
                "ddp_available": ddp,
                "transit_days_min": tmin,
                "transit_days_max": tmax,
            },
        )
        for zone_code, prices in data.RATES[code].items():
            for bracket, price in zip(data.BRACKETS, prices, strict=True):
                if price is not None:
                    Rate.objects.get_or_create(
                        service=service,
                        zone=zones[carrier, zone_code],
                        max_weight_kg=Decimal(bracket),
                        defaults={"price": Decimal(price)},
                    )
    if not ImportRegime.objects.exists():
        ImportRegime.objects.bulk_create(
            ImportRegime(**{k: _decimal(v) for k, v in row.items()})
            for row in data.import_regimes()
        )
    if not DutyRate.objects.exists():
        DutyRate.objects.bulk_create(
            DutyRate(
                country=country, hs_prefix=prefix, rate=_decimal(rate), valid_from="2020-01-01"
            )
            for country, table in data.DUTY_RATES.items()
            for prefix, rate in table.items()
        )


def _decimal(value):
    if isinstance(value, bool) or not isinstance(value, int | float):
        return value
    return Decimal(str(value))


def unload(models):
    for name in ("Rate", "Service", "Zone", "Carrier", "ImportRegime", "DutyRate"):
        models(name).objects.all().delete()
