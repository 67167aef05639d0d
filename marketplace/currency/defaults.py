"""The shipped default rate table (approximate), used until the feed's first refresh."""

import datetime
from decimal import Decimal

DEFAULT_DATE = datetime.date(2026, 11, 2)
DEFAULT_RATES = {
    "MAD": Decimal("1"),
    "EUR": Decimal("0.09250000"),
    "USD": Decimal("0.10800000"),
    "GBP": Decimal("0.08100000"),
    "CAD": Decimal("0.15100000"),
}
SOURCE = "shipped default table"
