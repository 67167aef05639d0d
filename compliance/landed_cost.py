"""Landed cost: duties and import taxes on a parcel of Moroccan goods, from dated rule tables.

Thresholds compare with the parcel's goods value in the regime's currency (``convert`` with the
rates the caller passes). Under DDP every charge is paid at checkout; under DAP they are an
estimate paid on delivery, except a tax the destination collects at the sale (EU IOSS up to
EUR 150, UK VAT up to GBP 135), which is paid at checkout either way.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext_lazy

from compliance.models import DutyRate, ImportRegime
from marketplace.core.cache import RULES, versioned
from marketplace.currency.defaults import DEFAULT_RATES
from marketplace.currency.money import convert, quantize

# The import taxes as the regimes name them (in English), shown in the reader's language; a name
# staff type that is not here is shown as typed.
TAX_NAMES = {
    "VAT": pgettext_lazy("import tax", "VAT"),
    "Sales tax": pgettext_lazy("import tax", "Sales tax"),
    "GST": pgettext_lazy("import tax", "GST"),
    "GST/HST": pgettext_lazy("import tax", "GST/HST"),
    "HST": pgettext_lazy("import tax", "HST"),
    "Consumption tax": pgettext_lazy("import tax", "Consumption tax"),
}

ZERO = Decimal("0")
HUNDRED = Decimal("100")
DDP, DAP = "DDP", "DAP"


@dataclass
class Charge:
    kind: str  # "duty" or "tax"
    label: str
    amount: Decimal  # MAD
    at_checkout: bool


@dataclass
class LandedCost:
    country: str
    incoterm: str
    goods: Decimal
    shipping: Decimal
    charges: list = field(default_factory=list)
    known: bool = True
    notes: list = field(default_factory=list)

    def _sum(self, predicate):
        return quantize(sum((c.amount for c in self.charges if predicate(c)), ZERO))

    @property
    def duties(self):
        return self._sum(lambda c: c.kind == "duty")

    @property
    def taxes(self):
        return self._sum(lambda c: c.kind == "tax")

    @property
    def duties_and_taxes(self):
        return quantize(self.duties + self.taxes)

    @property
    def at_checkout(self):
        return self._sum(lambda c: c.at_checkout)

    @property
    def on_delivery(self):
        return self._sum(lambda c: not c.at_checkout)

    @property
    def total(self):
        return quantize(self.goods + self.shipping + self.duties + self.taxes)


def tax_name(name):
    """An import tax's name in the reader's language."""
    return str(TAX_NAMES.get(name.strip(), name))


def percent(rate):
    return format(rate.normalize(), "f")


def _cached(name, country, day, load):
    """Reference rows cached until the rules version changes (any regime or rate edit bumps it)."""
    return versioned(RULES, f"landed:{name}:{country}:{day.isoformat()}", load)


def regime_for(country, day):
    def load():
        regimes = ImportRegime.objects.valid_on(day).filter(country=country)
        return [regimes.order_by("-valid_from").first()]

    return _cached("regime", country, day, load)[0]


def duty_rates(country, day):
    """[(hs_prefix, rate)] valid on ``day``, longest prefix first."""

    def load():
        rows = DutyRate.objects.valid_on(day).filter(country=country)
        return sorted(rows.values_list("hs_prefix", "rate"), key=lambda row: -len(row[0]))

    return _cached("duty-rates", country, day, load)


def duty_rate(rates, hs_code):
    return next((rate for prefix, rate in rates if hs_code.startswith(prefix)), ZERO)


def _duties(regime, items, value_local, day, rates):
    """The duty charges (MAD) on ``items``, without the checkout/delivery split."""
    if regime.flat_duty_per_item_type is not None and (
        regime.flat_duty_up_to is None or value_local <= regime.flat_duty_up_to
    ):
        types = {item.product.effective_hs_code[:4] for item in items}  # item type: HS heading
        per_type = convert(regime.flat_duty_per_item_type, regime.currency, "MAD", rates)
        label = ngettext(
            "Customs duty: %(amount)s %(currency)s × %(count)s item type",
            "Customs duty: %(amount)s %(currency)s × %(count)s item types",
            len(types),
        ) % {
            "amount": regime.flat_duty_per_item_type,
            "currency": regime.currency,
            "count": len(types),
        }
        return [(label, per_type * len(types))]
    if regime.duty_free_up_to is not None and value_local <= regime.duty_free_up_to:
        return []
    if regime.moroccan_origin_duty_free:
        return []
    table = duty_rates(regime.country, day)
    charges = []
    for item in items:
        hs_code = item.product.effective_hs_code
        rate = duty_rate(table, hs_code) + regime.origin_surcharge_rate
        if rate:
            label = _("Customs duty on %(title)s (HS %(hs)s, %(rate)s%%)") % {
                "title": item.product.get_title(),
                "hs": hs_code or "?",
                "rate": percent(rate),
            }
            charges.append((label, item.value * rate / HUNDRED))
    return charges


def landed_cost(items, country, *, shipping=ZERO, incoterm=DDP, on=None, rates=None):
    """Duties and taxes (MAD) on ``items`` (ParcelItem-like: product, value) sent to ``country``."""
    day = on or timezone.localdate()
    rates = rates or DEFAULT_RATES
    items = list(items)
    goods = sum((item.value for item in items), ZERO)
    result = LandedCost(country, incoterm, quantize(goods), quantize(shipping))
    regime = regime_for(country, day)
    if regime is None:
        result.known = False
        result.notes.append(_("No import data for this country: duties may be due on delivery."))
        return result
    value_local = convert(goods, "MAD", regime.currency, rates)
    duties = _duties(regime, items, value_local, day, rates)
    for label, amount in duties:
        result.charges.append(Charge("duty", label, quantize(amount), incoterm == DDP))
    taxed = regime.tax_rate and not (
        regime.tax_free_up_to is not None and value_local <= regime.tax_free_up_to
    )
    if taxed:
        base = goods + shipping + sum((amount for _label, amount in duties), ZERO)
        at_sale = regime.tax_at_checkout_up_to is not None and (
            value_local <= regime.tax_at_checkout_up_to
        )
        label = _("%(tax)s %(rate)s%%") % {
            "tax": tax_name(regime.tax_name),
            "rate": percent(regime.tax_rate),
        }
        amount = quantize(base * regime.tax_rate / HUNDRED)
        result.charges.append(Charge("tax", label, amount, incoterm == DDP or at_sale))
    if regime.moroccan_origin_duty_free and not duties:
        result.notes.append(
            _("Moroccan origin: duty-free with the origin statement on the invoice.")
        )
    return result
