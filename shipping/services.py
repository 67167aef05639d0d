"""Parcels and quotes: a basket or an order ships as one parcel per seller, priced per service.

``plan_parcels(lines)`` groups lines by seller; ``RateTable.for_country(country)`` loads every
rate that reaches the country in one query; ``quote_parcels`` prices each parcel with each
service and marks the cheapest and the fastest. The checkout calls ``quote_basket``.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.db.models import F

from marketplace.core.cache import SHIPPING, versioned
from marketplace.currency.money import quantize
from shipping.models import Rate, Service, Zone

ZERO = Decimal("0")

# Why a service does not carry a parcel (``refusal``).
TOO_HEAVY, TOO_LONG, TOO_VALUABLE = "weight", "size", "value"


def served_countries():
    """Every country an active service reaches (cached until a shipping table changes)."""

    def read():
        zones = Zone.objects.filter(carrier__services__is_active=True)
        rows = zones.values_list("countries", flat=True)
        return {code for row in rows for code in row.split(",") if code}

    return versioned(SHIPPING, "shipping:served", read)


@dataclass
class ParcelItem:
    product: object
    quantity: int
    unit_price: Decimal

    @property
    def weight_kg(self):
        weight = self.product.weight_kg
        if weight is None:
            weight = Decimal(str(settings.SHIPPING_DEFAULT_ITEM_WEIGHT_KG))
        return weight * self.quantity

    @property
    def volume_cm3(self):
        dims = (self.product.length_cm, self.product.width_cm, self.product.height_cm)
        if not all(dims):
            return ZERO
        return dims[0] * dims[1] * dims[2] * self.quantity

    @property
    def longest_cm(self):
        dims = (self.product.length_cm, self.product.width_cm, self.product.height_cm)
        return max(dims) if all(dims) else ZERO

    @property
    def value(self):
        return self.unit_price * self.quantity


@dataclass
class ParcelPlan:
    """One seller's lines, shipped together from the seller's city."""

    partner: object
    items: list = field(default_factory=list)

    @property
    def origin_city(self):
        return self.partner.city

    @property
    def weight_kg(self):
        return sum((item.weight_kg for item in self.items), ZERO)

    @property
    def volume_cm3(self):
        return sum((item.volume_cm3 for item in self.items), ZERO)

    @property
    def longest_cm(self):
        return max((item.longest_cm for item in self.items), default=ZERO)

    @property
    def value(self):
        return sum((item.value for item in self.items), ZERO)

    @property
    def processing_days(self):
        default = settings.SHIPPING_DEFAULT_PROCESSING_DAYS
        days = [getattr(item.product, "processing_days", None) or default for item in self.items]
        return max(days, default=default)

    def volumetric_weight_kg(self, divisor=5000):
        return self.volume_cm3 / Decimal(divisor)

    def chargeable_weight_kg(self, service):
        if not service.bills_volumetric_weight:
            return self.weight_kg
        return max(self.weight_kg, self.volumetric_weight_kg(service.volumetric_divisor))


def refusal(service, top_kg, parcel):
    """Why ``service`` does not carry ``parcel`` (a ParcelPlan or ParcelItem) when its heaviest
    rate bracket to the destination is ``top_kg``; None when it does.

    The chargeable weight (volumetric where the service bills it) must fit a bracket, the actual
    weight the service's limit, the longest side and the declared value theirs. Pieces without
    all three dimensions are weighed only. ``shipping.reach.carried_queryset`` says the same in SQL.
    """
    weight = parcel.weight_kg
    chargeable = weight
    if service.bills_volumetric_weight:
        chargeable = max(weight, parcel.volume_cm3 / Decimal(service.volumetric_divisor))
    if top_kg is None or chargeable > top_kg:
        return TOO_HEAVY
    if service.max_weight_kg is not None and weight > service.max_weight_kg:
        return TOO_HEAVY
    if service.max_length_cm is not None and parcel.longest_cm > service.max_length_cm:
        return TOO_LONG
    if service.max_value is not None and parcel.value > service.max_value:
        return TOO_VALUABLE
    return None


def _line_partner(line):
    partner = getattr(line, "partner", None)
    return partner if partner is not None else line.stockrecord.partner


def _line_unit_price(line):
    """A basket line's price when added (no strategy needed), or an order line's unit price."""
    price = line.price_excl_tax if hasattr(line, "basket_id") else line.unit_price_excl_tax
    return price if price is not None else ZERO


def plan_parcels(lines):
    """Group basket or order lines into one parcel per seller, in the sellers' order of arrival."""
    parcels = {}
    for line in lines:
        partner = _line_partner(line)
        plan = parcels.setdefault(partner.pk, ParcelPlan(partner))
        plan.items.append(ParcelItem(line.product, line.quantity, _line_unit_price(line)))
    return list(parcels.values())


@dataclass
class Quote:
    service: Service
    price: Decimal
    chargeable_weight_kg: Decimal
    transit_days_min: int
    transit_days_max: int
    delivery_days_min: int
    delivery_days_max: int
    cheapest: bool = False
    fastest: bool = False

    @property
    def ddp_available(self):
        return self.service.ddp_available


class RateTable:
    """Every active service's brackets to one country, loaded in one query."""

    def __init__(self, country, rates):
        self.country = country
        self.brackets = defaultdict(list)
        self.services = {}
        for rate in rates:
            self.services[rate.service_id] = rate.service
            self.brackets[rate.service_id].append((rate.max_weight_kg, rate.price))

    @classmethod
    def for_country(cls, country):
        """The table for ``country``, cached until a shipping table changes."""
        rates = versioned(SHIPPING, f"shipping:rates:{country}", lambda: cls.load_rates(country))
        return cls(country, rates)

    @staticmethod
    def load_rates(country):
        zones = [
            zone.pk
            for zone in Zone.objects.only("pk", "countries")
            if country in zone.country_codes
        ]
        rates = (
            Rate.objects.filter(zone__in=zones, service__is_active=True)
            .filter(service__carrier_id=F("zone__carrier_id"))
            .select_related("service__carrier")
            .order_by("service_id", "max_weight_kg")
        )
        return list(rates)

    def top_kg(self, service):
        """The heaviest bracket of ``service`` to this country (None: no rate)."""
        brackets = self.brackets.get(service.pk)
        return max(weight for weight, _price in brackets) if brackets else None

    def refusals(self, parcel):
        """{service_id: why it does not carry ``parcel``, or None}, every service to the country."""
        return {
            pk: refusal(service, self.top_kg(service), parcel)
            for pk, service in self.services.items()
        }

    def price(self, service, weight_kg):
        """The price of the first bracket whose upper bound is at or above ``weight_kg``."""
        for max_weight, price in self.brackets[service.pk]:
            if weight_kg <= max_weight:
                return price
        return None

    def quotes(self, plan):
        found = []
        for service in self.services.values():
            if refusal(service, self.top_kg(service), plan) is not None:
                continue
            chargeable = plan.chargeable_weight_kg(service)
            price = self.price(service, chargeable)
            processing = plan.processing_days
            found.append(
                Quote(
                    service=service,
                    price=quantize(price),
                    chargeable_weight_kg=chargeable,
                    transit_days_min=service.transit_days_min,
                    transit_days_max=service.transit_days_max,
                    delivery_days_min=processing + service.transit_days_min,
                    delivery_days_max=processing + service.transit_days_max,
                )
            )
        if found:
            min(found, key=lambda q: (q.price, q.delivery_days_max)).cheapest = True
            min(found, key=lambda q: (q.delivery_days_max, q.price)).fastest = True
        return sorted(found, key=lambda q: (q.price, q.delivery_days_max))


@dataclass
class ParcelQuotes:
    plan: ParcelPlan
    quotes: list

    @property
    def cheapest(self):
        return next((q for q in self.quotes if q.cheapest), None)

    @property
    def fastest(self):
        return next((q for q in self.quotes if q.fastest), None)

    def pick(self, service_code=None, prefer="cheapest"):
        """The quote for ``service_code``, else the cheapest (or fastest) one."""
        if service_code:
            for quote in self.quotes:
                if quote.service.code == service_code:
                    return quote
        return getattr(self, prefer)


def quote_parcels(plans, country):
    table = RateTable.for_country(country)
    return [ParcelQuotes(plan, table.quotes(plan)) for plan in plans]


def quote_basket(basket, country):
    """[ParcelQuotes] for the basket shipped to ``country``; the checkout lets the buyer pick."""
    lines = basket.lines.select_related("product", "stockrecord__partner")
    return quote_parcels(plan_parcels(lines), country)


def shipping_total(parcel_quotes, choices=None, prefer="cheapest"):
    """The order's shipping: the sum of each parcel's chosen (or preferred) quote, or None."""
    choices = choices or {}
    total = ZERO
    for parcel in parcel_quotes:
        quote = parcel.pick(choices.get(parcel.plan.partner.pk), prefer)
        if quote is None:
            return None
        total += quote.price
    return quantize(total)
