"""Whether a piece can reach a country: a carrier service takes it there (its rate brackets
and its weight, size and value limits) and the destination rules let it in.

The one answer the product page, the ships-to filter, the basket and the checkout use
(``compliance.rules`` says what the law of the destination demands; this adds the carriers).
``can_reach`` answers for one piece in Python, ``blocked_ids`` for the whole catalogue in SQL;
``tests/shipping/test_reach_matrix.py`` checks that they agree.
"""

from decimal import Decimal

from django.conf import settings
from django.db import connections, router
from django.db.models import Case, F, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from compliance import rules
from marketplace.core.cache import RULES, SHIPPING, versioned
from marketplace.core.countries import country_name, to_country
from shipping.services import (
    TOO_HEAVY,
    TOO_LONG,
    TOO_VALUABLE,
    ParcelItem,
    RateTable,
    served_countries,
)

ZERO = Decimal("0")


def piece(product, stockrecord=None):
    """One ``product`` as a parcel item, at its seller's price (the value customs declare)."""
    record = stockrecord if stockrecord is not None else product.seller_stockrecord
    price = record.price if record is not None and record.price is not None else ZERO
    return ParcelItem(product, 1, price)


def carrier_refusal(product, country, stockrecord=None):
    """Why no carrier service takes ``product`` to ``country`` (a reason), or None."""
    item = piece(product, stockrecord)
    causes = set(RateTable.for_country(country).refusals(item).values())
    if None in causes:
        return None
    name = country_name(country)
    if causes == {TOO_LONG}:
        return _("No carrier takes a piece this long (%(length)s cm) to %(country)s.") % {
            "length": f"{item.longest_cm.normalize():f}",
            "country": name,
        }
    if causes == {TOO_VALUABLE}:
        return _("No carrier insures a piece of this value to %(country)s.") % {"country": name}
    if TOO_HEAVY in causes or not causes:
        return _("No carrier takes a piece of %(weight)s kg to %(country)s.") % {
            "weight": f"{item.weight_kg.normalize():f}",
            "country": name,
        }
    return _("No carrier service takes this piece to %(country)s.") % {"country": name}


def can_reach(product, country, on=None, stockrecord=None):
    """(ok, reasons) for sending ``product`` to ``country`` (ISO code) on day ``on``
    (``stockrecord``: the product's, when the caller has it at hand)."""
    if country not in served_countries():
        return False, [_("No carrier ships to %(country)s.") % {"country": to_country(country)}]
    refusal = carrier_refusal(product, country, stockrecord)
    if refusal:
        return False, [refusal]
    return rules.can_ship(product, country, on)


def refused(items, country, on=None):
    """(product, reasons) for each of ``items`` that cannot reach ``country``: products, or
    basket lines (their product at their stock record)."""
    found = []
    for item in items:
        product = getattr(item, "product", item)
        ok, reasons = can_reach(product, country, on, getattr(item, "stockrecord", None))
        if not ok:
            found.append((product, reasons))
    return found


def _dimensions_known():
    return Q(length_cm__gt=0, width_cm__gt=0, height_cm__gt=0)


def carried_queryset(queryset, country):
    """The products of ``queryset`` some carrier service takes to ``country``."""
    table = RateTable.for_country(country)
    default = Decimal(str(settings.SHIPPING_DEFAULT_ITEM_WEIGHT_KG))
    StockRecord = get_model("partner", "StockRecord")
    price = StockRecord.objects.filter(product=OuterRef("pk")).order_by("pk").values("price")[:1]
    annotated = queryset.annotate(
        _reach_weight=Coalesce(F("weight_kg"), Value(default)),
        _reach_volume=Case(
            When(_dimensions_known(), then=F("length_cm") * F("width_cm") * F("height_cm")),
            default=Value(ZERO),
        ),
        _reach_longest=Greatest("length_cm", "width_cm", "height_cm"),
        _reach_value=Coalesce(Subquery(price), Value(ZERO)),
    )
    carried = Q(pk__in=[])
    for service in table.services.values():
        carried |= _service_q(service, table.top_kg(service))
    return annotated.filter(carried)


def _service_q(service, top_kg):
    q = Q(_reach_weight__lte=top_kg)
    if service.bills_volumetric_weight:
        q &= ~_dimensions_known() | Q(_reach_volume__lte=top_kg * service.volumetric_divisor)
    if service.max_weight_kg is not None:
        q &= Q(_reach_weight__lte=service.max_weight_kg)
    if service.max_length_cm is not None:
        q &= ~_dimensions_known() | Q(_reach_longest__lte=service.max_length_cm)
    if service.max_value is not None:
        q &= Q(_reach_value__lte=service.max_value)
    return q


def blocked_ids(country, on=None, only=None):
    """Ids of the products that cannot reach ``country`` (None: no carrier serves it): those no
    carrier service takes there, and those the destination rules keep out. One query over the
    whole catalogue, so one set serves every list; with ``only`` (product ids), over those
    products alone (the same rule, to update that set when they changed).

    On PostgreSQL the statement is composed and compiled once per country, day and version of
    the carriers and rules it is made of (``cache.versioned``), the products' ids a parameter:
    at 100,000 products, updating the set for a sale's 20 products took ~35 ms of Python
    making the statement and ~6 ms running it."""
    if country not in served_countries():
        return None
    day = on or timezone.localdate()
    connection = connections[router.db_for_read(get_model("catalogue", "Product"))]
    if connection.vendor == "postgresql":
        some = only is not None
        key = f"blocked-ids-sql:{country}:{day.isoformat()}:{'some' if some else 'all'}"
        sql, params = versioned(
            (SHIPPING, RULES), key, lambda: _blocked_sql(country, day, ONLY if some else None)
        )
        params = [sorted(only) if param == ONLY else param for param in params]
    else:
        sql, params = _blocked_sql(country, day, only)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return frozenset(row[0] for row in cursor.fetchall())


# Stands for the products' ids in a compiled statement of ``blocked_ids`` (never a product id).
ONLY = [-1]


def _blocked_sql(country, day, only):
    """(SQL, params) of the ids of the products (of ids ``only``, if given) that cannot reach
    ``country`` on ``day``."""
    Product = get_model("catalogue", "Product")
    products = Product.objects.order_by()
    if only is not None:
        products = products.filter(pk__any_of=only)
    carried = carried_queryset(products, country).values("pk")
    blocked = products.exclude(pk__in=carried).values_list("pk", flat=True)
    ruled = rules.blocked_queryset(products, country, day)
    if ruled is not None:
        blocked = blocked.union(ruled.values_list("pk", flat=True))
    return blocked.query.sql_with_params()
