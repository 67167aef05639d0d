"""``{% incoterm_coverage code as rows %}``: who pays the main carriage, its insurance and the
import duties under an Incoterm, in the page language (``wholesale.freight.coverage_rows``);
``{% incoterms_explained as terms %}``: the same for every Incoterm offered, with its name."""

from django import template

from wholesale.freight import coverage_rows
from wholesale.models import INCOTERMS

register = template.Library()


@register.simple_tag
def incoterm_coverage(incoterm):
    return coverage_rows(incoterm)


@register.simple_tag
def incoterms_explained():
    return [(label, coverage_rows(code)) for code, label in INCOTERMS]
