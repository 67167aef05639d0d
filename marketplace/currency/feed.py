"""The rate feed: a JSON document ``{"base": "MAD", "date": "YYYY-MM-DD", "rates": {...}}``.

``rates`` maps a currency code to the units of that currency for one MAD, e.g.
``{"EUR": "0.0925", "USD": 0.108}``. Unknown currencies are ignored; a bad document is refused
whole, so the table is never half-updated.
"""

import datetime
import json
import urllib.request
from decimal import Decimal, InvalidOperation

from django.db import transaction

from marketplace.currency.models import ExchangeRate
from marketplace.currency.money import BASE_CURRENCY, BUYER_CURRENCIES


class FeedError(ValueError):
    pass


def parse_feed(document):
    """Return ``(date, {currency: Decimal rate})`` or raise FeedError."""
    try:
        data = json.loads(document)
        base, date = data["base"], datetime.date.fromisoformat(data["date"])
        raw_rates = data["rates"]
    except (ValueError, KeyError, TypeError) as error:
        raise FeedError(f"unreadable rate feed: {error}") from error
    if base != BASE_CURRENCY:
        raise FeedError(f"rate feed base is {base}, expected {BASE_CURRENCY}")
    rates = {}
    for currency, value in raw_rates.items():
        if currency not in BUYER_CURRENCIES or currency == BASE_CURRENCY:
            continue
        try:
            rate = Decimal(str(value))
        except InvalidOperation as error:
            raise FeedError(f"bad rate for {currency}: {value!r}") from error
        if not rate.is_finite() or rate <= 0:
            raise FeedError(f"bad rate for {currency}: {value!r}")
        rates[currency] = rate
    if not rates:
        raise FeedError("rate feed holds no usable rate")
    return date, rates


def fetch_feed(url, timeout=10):
    with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 (settings URL)
        return response.read(1_000_000)


def store_rates(date, rates, source):
    """Write the parsed rates (older publications never overwrite newer ones); each saved row
    bumps the rates version, so conversions use the new table at once."""
    changed = 0
    with transaction.atomic():
        for currency, rate in rates.items():
            row = ExchangeRate.objects.select_for_update().filter(currency=currency).first()
            if row and row.date > date:
                continue
            ExchangeRate.objects.update_or_create(
                currency=currency, defaults={"rate": rate, "date": date, "source": source}
            )
            changed += 1
        ExchangeRate.objects.update_or_create(
            currency=BASE_CURRENCY, defaults={"rate": Decimal(1), "date": date, "source": source}
        )
    return changed
