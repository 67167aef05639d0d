"""``{% shelf_price amount_mad mad_text %}``: a price on the shelf (product cards, the product
page) in the buyer's currency, as their language writes it; marked indicative when the rate is
too old to take a payment at. A buyer seeing dirhams gets ``mad_text`` (the price as Oscar
writes it). ``detail=True`` (the product page) adds the rate's date (CLDR).

``{% buyer_price amount_mad %}``: "≈ " the buyer's amount beside a MAD price that stays the
committed one (wholesale tiers, quoted and invoiced in MAD).

``{% buyer_money amount_mad %}``: every other amount a buyer sees (basket, shipping, duties,
totals, orders, emails), at the context's ``money_display`` (``marketplace.currency.display``:
the order's locked rate on order pages and emails, the basket's on the preview), else today's
rate of the request's buyer currency. ``{% mad_reference amount_mad %}``: the MAD amount beside
it where money is committed; ``{% committed_money amount_mad %}`` shows both.

All of them format through ``MoneyDisplay.show`` (``marketplace.currency.display``).
"""

from functools import cache

from django import template
from django.utils.translation import gettext as _

from marketplace.core.formats import format_date
from marketplace.core.formats import format_money as cldr_money
from marketplace.core.html import select_options
from marketplace.currency.display import for_request, isolated
from marketplace.currency.money import BUYER_CURRENCIES

register = template.Library()


@register.simple_tag
@cache
def currency_options(selected):
    """The header's currency ``<option>`` elements with ``selected`` marked: every storefront
    page shows them, and they depend on nothing else."""
    return select_options(((code, code) for code in BUYER_CURRENCIES), selected)


def _rate_note(display, short=False):
    if short:
        return "" if display.fresh else _("indicative price")
    date = format_date(display.date)
    if display.fresh:
        return _("rate of %(date)s") % {"date": date}
    return _("indicative price: rate of %(date)s, more than 48 hours old") % {"date": date}


@register.inclusion_tag("currency/shelf_price.html", takes_context=True)
def shelf_price(context, amount_mad, mad_text="", detail=False):
    display = for_request(context.get("request"))
    if amount_mad is None:
        return {"show": False}
    if display.is_mad:
        return {"show": True, "fresh": True, "price": mad_text or display.show(amount_mad)}
    return {
        "show": True,
        "fresh": display.fresh,
        "price": display.show(amount_mad),
        "rate_note": _rate_note(display, short=not detail),
    }


@register.inclusion_tag("currency/buyer_price.html", takes_context=True)
def buyer_price(context, amount_mad):
    display = for_request(context.get("request"))
    if amount_mad is None or display.is_mad:
        return {"show": False}
    return {
        "show": True,
        "fresh": display.fresh,
        "price": display.show(amount_mad),
        "rate_note": _rate_note(display),
    }


@register.filter
def money(value):
    """Render a Money (or a (amount, currency) pair) with its symbol."""
    rounded = value.rounded()
    return isolated(cldr_money(rounded.amount, rounded.currency))


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
