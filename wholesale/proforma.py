"""The pro-forma invoice of a wholesale order (PDF, in the language the buyer asked in): what
the company transfers, to which account, with which reference."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from wholesale.freight import buyer_context as freight_context
from wholesale.orders import accepted_quotes
from wholesale.quotes import line_total


def context(order):
    quotes = [
        {"quote": quote, "lines": list(quote.lines.all()), "total": line_total(quote)}
        for quote in accepted_quotes(order.request).select_related("seller")
    ]
    return {
        "order": order,
        "quote_request": order.request,
        "company": order.company,
        "quotes": quotes,
        "schedule": order.payments.all(),
        "beneficiary": settings.PAYOUT_DEBTOR_NAME,
        "rib": settings.PAYOUT_DEBTOR_RIB,
        "bic": settings.PAYOUT_DEBTOR_BIC,
        **freight_context(order),
    }


def render_pdf(order):
    from weasyprint import HTML

    with translation.override(order.request.language):
        html = render_to_string("wholesale/proforma.html", context(order))
    return HTML(string=html).write_pdf()
