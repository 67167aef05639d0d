"""Whether a piece can reach a country: a carrier serves it and the destination rules let it in.

The one answer the product page, the ships-to filter, the basket and the checkout use
(``compliance.rules`` says what the law of the destination demands; this adds the carriers).
"""

from django.utils.translation import gettext as _

from compliance import rules
from marketplace.core.countries import to_country
from shipping.services import served_countries


def can_reach(product, country, on=None):
    """(ok, reasons) for sending ``product`` to ``country`` (ISO code) on day ``on``."""
    if country not in served_countries():
        return False, [_("No carrier ships to %(country)s.") % {"country": to_country(country)}]
    return rules.can_ship(product, country, on)


def refused(products, country, on=None):
    """(product, reasons) for each of ``products`` that cannot reach ``country``."""
    checked = ((product, can_reach(product, country, on)) for product in products)
    return [(product, reasons) for product, (ok, reasons) in checked if not ok]


def blocked_ids(country, on=None):
    """Ids of the products that cannot reach ``country`` (None: no carrier serves it)."""
    if country not in served_countries():
        return None
    return rules.blocked_ids(country, on)
