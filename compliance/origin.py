"""Origin statements printed on a commercial invoice, by destination.

- EU: the origin declaration of the EU–Morocco Association Agreement (Protocol 4, Annex IV),
  with the exporter's REX or approved exporter number.
- United Kingdom: the same declaration under the UK–Morocco Association Agreement (2019),
  Protocol 4, Annex IV.
- United States: the origin marking and the claim under the United States–Morocco Free Trade
  Agreement (HTSUS General Note 27, special program indicator "MA").

Printed only when the seller has an exporter reference (``Partner.exporter_reference``).
"""

from django.utils.translation import gettext as _

from marketplace.core.countries import EU


def declaration(reference):
    return _(
        "The exporter of the products covered by this document (customs or competent "
        "governmental authorisation No %(reference)s) declares that, except where otherwise "
        "clearly indicated, these products are of Moroccan preferential origin."
    ) % {"reference": reference}


def origin_statement(country, exporter_reference):
    """(title, text) for an invoice to ``country``, or None where no statement applies."""
    if not exporter_reference:
        return None
    if country in EU:
        title = _("Origin declaration (EU–Morocco Association Agreement, Protocol 4)")
        return title, declaration(exporter_reference)
    if country == "GB":
        title = _("Origin declaration (UK–Morocco Association Agreement, Protocol 4)")
        return title, declaration(exporter_reference)
    if country == "US":
        title = _("Made in Morocco")
        text = _(
            "Originating goods under the United States–Morocco Free Trade Agreement (HTSUS "
            'General Note 27); preferential treatment claimed with special program indicator "MA". '
            "Exporter reference: %(reference)s."
        ) % {"reference": exporter_reference}
        return title, text
    return None
