"""Whether a product may ship to a country: ``can_ship`` for one piece, ``ships_to`` for lists.

Both read the same data: the destination rules valid on the day, the product's kinds (HS code,
or its craft's HS heading, plus its export profile) and the verified certificates covering it.
"""

import operator
from functools import reduce

from django.db.models import Exists, OuterRef, Q, Value
from django.db.models.functions import Coalesce, Concat
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from compliance import kinds as K
from compliance.certificates.models import Certificate, DestinationRule, ExportProfile
from marketplace.core.cache import RULES, versioned
from marketplace.core.countries import country_name, destinations_of
from marketplace.core.memo import remembered


def export_profile(product):
    try:
        return product.export_profile
    except ExportProfile.DoesNotExist:
        return None


def product_kinds(product):
    found = K.kinds_for_hs(product.effective_hs_code)
    profile = export_profile(product)
    if profile:
        if profile.food_contact and K.CERAMIC in found:
            found.add(K.CERAMIC_TABLEWARE)
        if profile.for_children:
            found.add(K.CHILDREN)
    return found


def rules_for(country, day):
    """The rules in force for ``country`` on ``day`` (cached until a rule changes)."""

    def read():
        return list(
            DestinationRule.objects.filter(destination__in=destinations_of(country))
            .filter(valid_from__lte=day)
            .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=day))
        )

    return versioned(RULES, f"rules:{country}:{day.isoformat()}", read)


def _exempt(rule, profile):
    return (
        rule.exempt_if_marked_not_for_food and profile is not None and profile.marked_not_for_food
    )


def current_lot(product):
    profile = export_profile(product)
    return profile.current_lot if profile else ""


def valid_certificates(product, day):
    """The verified certificates covering ``product`` (and its current lot) on ``day``."""

    def compute():
        lot = current_lot(product)
        found = Certificate.objects.filter(products=product).valid_on(day)
        return [certificate for certificate in found if certificate.covers_lot(lot)]

    return remembered(("certificates", product.pk, day), compute)


def can_ship(product, country, on=None):
    """(ok, reasons): whether ``product`` may ship to ``country`` (ISO code) on day ``on``;
    asked once per product within a request (the request memo)."""
    day = on or timezone.localdate()
    key = ("can_ship", product.pk, country, day)
    return remembered(key, lambda: _can_ship(product, country, day))


def _can_ship(product, country, day):
    name = country_name(country)
    kinds = product_kinds(product)
    profile = export_profile(product)
    applying = [r for r in rules_for(country, day) if r.product_kind in kinds]
    if not applying:
        return True, []
    certificates = valid_certificates(product, day)
    reasons = []
    for rule in applying:
        if _exempt(rule, profile) or any(rule.covers(c) for c in certificates):
            continue
        needed = rule.get_certificate_type_display()
        if rule.standard_contains:
            needed = f"{needed} ({rule.standard_contains})"
        reasons.append(
            _("To ship to %(country)s this piece needs a verified %(certificate)s.")
            % {"country": name, "certificate": needed}
        )
    return not reasons, reasons


def kind_q(kind):
    """Products of ``kind``, in SQL (mirrors ``product_kinds``)."""
    ProductCategory = get_model("catalogue", "ProductCategory")
    q = Q(pk__in=[])
    for prefix in K.hs_prefixes_for(kind):
        heading = ProductCategory.objects.filter(
            product=OuterRef("pk"), category__hs_heading__startswith=prefix
        )
        q |= Q(hs_code__startswith=prefix) | (Q(hs_code="") & Exists(heading))
    if kind == K.CERAMIC_TABLEWARE:
        q |= kind_q(K.CERAMIC) & Q(export_profile__food_contact=True)
    if kind == K.CHILDREN:
        q |= Q(export_profile__for_children=True)
    return q


def covers_lot_q():
    """Certificates covering the outer product's current lot (mirrors ``Certificate.covers_lot``).

    Lot codes are stored upper-case, sorted and comma-separated (``Certificate.save``).
    """
    lot = Coalesce(OuterRef("export_profile__current_lot"), Value(""))
    return (
        Q(lot_codes="")
        | Q(lot_codes=lot)
        | Q(lot_codes__startswith=Concat(lot, Value(",")))
        | Q(lot_codes__endswith=Concat(Value(","), lot))
        | Q(lot_codes__contains=Concat(Value(","), lot, Value(",")))
    )


def _blocked_q(rule, day):
    """The products ``rule`` keeps out: of its kind, without a valid certificate covering them
    (unless marked not for food where the rule allows it)."""
    covering = Certificate.objects.valid_on(day).filter(
        covers_lot_q(),
        products=OuterRef("pk"),
        type=rule.certificate_type,
        standard__icontains=rule.standard_contains,
    )
    blocked = kind_q(rule.product_kind) & ~Exists(covering)
    if rule.exempt_if_marked_not_for_food:
        blocked &= ~Q(export_profile__marked_not_for_food=True)
    return blocked


def ships_to(queryset, country, on=None):
    """The products of ``queryset`` that may ship to ``country``: one query for the rules."""
    day = on or timezone.localdate()
    for rule in rules_for(country, day):
        queryset = queryset.exclude(_blocked_q(rule, day))
    return queryset


def blocked_ids(country, on=None, only=None):
    """Ids of the products the destination rules keep from ``country``.

    Over the whole catalogue, so one set serves every list (or over the products of ids
    ``only``, to update that set when they changed): usually small, and empty (no query) where
    no rule applies.
    """
    day = on or timezone.localdate()
    Product = get_model("catalogue", "Product")
    products = Product.objects.order_by()
    if only is not None:
        products = products.filter(pk__in=list(only))
    blocked = blocked_queryset(products, country, day)
    return frozenset() if blocked is None else frozenset(blocked.values_list("pk", flat=True))


def blocked_queryset(products, country, day):
    """The products of ``products`` the destination rules keep from ``country`` on ``day``, or
    None where no rule applies."""
    found = rules_for(country, day)
    if not found:
        return None
    return products.filter(reduce(operator.or_, (_blocked_q(rule, day) for rule in found)))
