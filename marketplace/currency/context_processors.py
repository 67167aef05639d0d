from marketplace.currency.money import BUYER_CURRENCIES
from marketplace.currency.selection import buyer_currency


def currency(request):
    return {"buyer_currency": buyer_currency(request), "buyer_currencies": BUYER_CURRENCIES}
