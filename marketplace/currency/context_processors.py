from django.utils.functional import SimpleLazyObject

from marketplace.currency.display import for_request
from marketplace.currency.money import BUYER_CURRENCIES
from marketplace.currency.selection import buyer_currency


def currency(request):
    return {
        "buyer_currency": buyer_currency(request),
        "buyer_currencies": BUYER_CURRENCIES,
        "money_display": SimpleLazyObject(lambda: for_request(request)),
    }
