"""Template filters of ``marketplace.core.formats``: ``{% load formats %}``, then
``{{ order.date_placed|cldr_date }}``, ``{{ amount|cldr_money:"EUR" }}``,
``{{ weight|cldr_number }}``."""

from django import template

from marketplace.core import formats

register = template.Library()


@register.filter
def cldr_date(value, length="medium"):
    return formats.format_date(value, length=length)


@register.filter
def cldr_datetime(value, length="medium"):
    return formats.format_datetime(value, length=length)


@register.filter
def cldr_number(value, decimals=None):
    return formats.format_number(value, decimals=None if decimals is None else int(decimals))


@register.filter
def cldr_money(amount, currency):
    return formats.format_money(amount, currency)
