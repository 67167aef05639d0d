"""Rate tables from CSV: validated row by row, written all at once or not at all.

Columns: service, zone, countries (optional: replaces the zone's list, creates a new zone),
max_weight_kg, price_mad. The service names its carrier.
"""

import csv
import io
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils.translation import gettext as _

from marketplace.core.countries import is_country_code, parse_country_list
from shipping.models import Rate, Service, Zone

COLUMNS = ("service", "zone", "countries", "max_weight_kg", "price_mad")


class ImportFailed(Exception):
    def __init__(self, errors):
        super().__init__("; ".join(errors))
        self.errors = errors


def _decimal(text, positive):
    try:
        value = Decimal(text.strip())
    except (InvalidOperation, AttributeError):
        return None
    if not value.is_finite() or value < 0 or (positive and value == 0):
        return None
    return value


def parse(text):
    """[(row number, dict)] and [error]; row numbers count the header as line 1."""
    reader = csv.DictReader(io.StringIO(text))
    missing = set(COLUMNS) - {"countries"} - set(reader.fieldnames or ())
    if missing:
        return [], [_("Missing columns: %(columns)s.") % {"columns": ", ".join(sorted(missing))}]
    services = {s.code: s for s in Service.objects.select_related("carrier")}
    rows, errors = [], []
    for number, raw in enumerate(reader, start=2):
        row_errors = []
        service = services.get((raw.get("service") or "").strip())
        if service is None:
            row_errors.append(_("unknown service %(code)r") % {"code": raw.get("service")})
        zone = (raw.get("zone") or "").strip()
        if not zone:
            row_errors.append(_("zone is empty"))
        countries = parse_country_list(raw.get("countries") or "")
        bad = [c for c in countries if not is_country_code(c)]
        if bad:
            row_errors.append(_("bad country codes %(codes)s") % {"codes": ", ".join(bad)})
        weight = _decimal(raw.get("max_weight_kg"), positive=True)
        if weight is None:
            row_errors.append(_("max_weight_kg must be a number above 0"))
        price = _decimal(raw.get("price_mad"), positive=False)
        if price is None:
            row_errors.append(_("price_mad must be a number of 0 or more"))
        if row_errors:
            errors.append(
                _("Row %(row)s: %(errors)s.") % {"row": number, "errors": "; ".join(row_errors)}
            )
        else:
            rows.append((number, service, zone, countries, weight, price))
    return rows, errors


@transaction.atomic
def import_rates(text):
    """Create or update the rates of ``text``; raise ImportFailed (nothing written) on any error."""
    rows, errors = parse(text)
    if errors:
        raise ImportFailed(errors)
    zones = {}
    for number, service, code, countries, weight, price in rows:
        key = (service.carrier_id, code)
        if key not in zones:
            zones[key] = Zone.objects.filter(carrier=service.carrier, code=code).first()
        zone = zones[key]
        if zone is None and not countries:
            errors.append(
                _("Row %(row)s: new zone %(zone)r needs countries.") % {"row": number, "zone": code}
            )
            continue
        if zone is None or (countries and zone.country_codes != countries):
            zone = zone or Zone(carrier=service.carrier, code=code, name=code)
            zone.countries = ",".join(countries)
            zone.save()
            zones[key] = zone
        Rate.objects.update_or_create(
            service=service, zone=zone, max_weight_kg=weight, defaults={"price": price}
        )
    if errors:
        transaction.set_rollback(True)
        raise ImportFailed(errors)
    return len(rows)
