"""``{% incoterm_coverage code as rows %}``: who pays the main carriage, its insurance and the
import duties under an Incoterm, in the page language (``wholesale.freight.coverage_rows``)."""

from django import template

from wholesale.freight import coverage_rows

register = template.Library()


@register.simple_tag
def incoterm_coverage(incoterm):
    return coverage_rows(incoterm)
