"""The buyer's shipping choices: a service per parcel, cheapest/fastest for the rest, DDP or DAP.

Kept in the checkout session while the buyer shops and frozen on the checkout payment (with the
conversion rates and the day the landed cost was computed on), so the order placed later by the
webhook charges exactly what the buyer saw.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone
from oscar.core.loading import get_class

from compliance.landed_cost import DAP, DDP
from marketplace.currency.rates import landed_cost_rates

PREFERENCES = ("cheapest", "fastest")
INCOTERMS = (DDP, DAP)
SESSION_NAMESPACE = "parcels"


@dataclass
class ShippingSelection:
    choices: dict = field(default_factory=dict)  # {partner_id: service_code}
    prefer: str = "cheapest"
    incoterm: str = DDP
    on: datetime.date | None = None
    rates: dict | None = None

    def __post_init__(self):
        self.choices = {int(pk): code for pk, code in self.choices.items() if code}
        if self.prefer not in PREFERENCES:
            self.prefer = "cheapest"
        if self.incoterm not in INCOTERMS:
            self.incoterm = DDP

    def frozen(self):
        """The selection with today's date and the current rates pinned."""
        return ShippingSelection(
            self.choices,
            self.prefer,
            self.incoterm,
            self.on or timezone.localdate(),
            self.rates or landed_cost_rates(),
        )

    def as_json(self):
        return {
            "choices": {str(pk): code for pk, code in self.choices.items()},
            "prefer": self.prefer,
            "incoterm": self.incoterm,
            "on": self.on.isoformat() if self.on else None,
            "rates": {code: str(rate) for code, rate in (self.rates or {}).items()} or None,
        }

    @classmethod
    def from_json(cls, data):
        data = data or {}
        on = data.get("on")
        rates = data.get("rates")
        return cls(
            data.get("choices") or {},
            data.get("prefer") or "cheapest",
            data.get("incoterm") or DDP,
            datetime.date.fromisoformat(on) if on else None,
            {code: Decimal(rate) for code, rate in rates.items()} if rates else None,
        )


def selection_from_session(checkout_session):
    """The buyer's selection, or None before the shipping step was completed."""
    data = checkout_session._get(SESSION_NAMESPACE, "selection")
    return ShippingSelection.from_json(data) if data is not None else None


def save_selection(checkout_session, selection):
    checkout_session._set(SESSION_NAMESPACE, "selection", selection.as_json())


def current_selection(request):
    """The session's selection priced today at the current rates, or None."""
    CheckoutSessionData = get_class("checkout.utils", "CheckoutSessionData")
    selection = selection_from_session(CheckoutSessionData(request))
    return selection.frozen() if selection is not None else None
