"""``{% buyer_price amount_mad %}``: a MAD price in the buyer's currency, with the rate's date
(CLDR); marked indicative when the rate is too old to take a payment at.

``{% buyer_money amount_mad %}``: every other amount a buyer sees (basket, shipping, duties,
totals, orders, emails), at the context's ``money_display`` (``marketplace.currency.display``:
the order's locked rate on order pages and emails, the basket's on the preview), else today's
rate of the request's buyer currency. ``{% mad_reference amount_mad %}``: the MAD amount beside
it where money is committed; ``{% committed_money amount_mad %}`` shows both.
"""

from babel.numbers import format_currency
from django import template
from django.utils.translation import get_language, to_locale
from django.utils.translation import gettext as _

from marketplace.core.formats import format_date
from marketplace.currency.display import for_request
from marketplace.currency.money import BASE_CURRENCY
from marketplace.currency.rates import current_rate
from marketplace.currency.selection import buyer_currency

register = template.Library()


def format_money(money):
    """The amount in the page language's format (CLDR via Babel, as Oscar's currency filter)."""
    locale = to_locale(get_language() or "en")
    return format_currency(money.rounded().amount, money.currency, locale=locale)


@register.inclusion_tag("currency/buyer_price.html", takes_context=True)
def buyer_price(context, amount_mad):
    request = context.get("request")
    currency = buyer_currency(request) if request is not None else BASE_CURRENCY
    rate = current_rate(currency) if amount_mad is not None else None
    if rate is None or currency == BASE_CURRENCY:
        return {"show": False}
    date = format_date(rate.date)
    fresh = rate.is_fresh()
    if fresh:
        note = _("rate of %(date)s") % {"date": date}
    else:
        note = _("indicative price: rate of %(date)s, more than 48 hours old") % {"date": date}
    return {
        "show": True,
        "fresh": fresh,
        "price": format_money(rate.convert(amount_mad)),
        "rate_note": note,
    }


@register.filter
def money(value):
    """Render a Money (or a (amount, currency) pair) with its symbol."""
    return format_money(value)


def money_display(context):
    """The context's ``money_display``, else today's rate of the request's buyer currency."""
    display = context.get("money_display")
    return display if display is not None else for_request(context.get("request"))


@register.simple_tag(takes_context=True)
def buyer_money(context, amount_mad):
    return money_display(context).show(amount_mad)


@register.simple_tag(takes_context=True)
def mad_reference(context, amount_mad):
    return money_display(context).reference(amount_mad)


@register.inclusion_tag("currency/committed_money.html", takes_context=True)
def committed_money(context, amount_mad, testid=""):
    display = money_display(context)
    return {
        "amount": display.show(amount_mad),
        "reference": display.reference(amount_mad),
        "testid": testid,
    }
