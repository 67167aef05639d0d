"""Quotes: a verified company asks one or several sellers; each seller's part moves
asked -> answered -> accepted, declined or expired, and nothing else.

- ask: the buyer's company is verified, the destination is one of its locations, the wanted-by
  date is after today, and each quantity meets the listing's offer (``wholesale.rules``).
- answer (the seller): only an asked quote; every line priced; valid until today or later.
- accept (the buyer): only an answered quote still valid (its last valid day included); a
  quote past its validity turns expired instead.
- decline (the buyer): an asked or answered quote.
- expire (daily): answered quotes past their validity, and asked ones past the wanted-by date.

The other party hears of each step by email (``wholesale.emails``) once it is committed: the
seller of a request and of the buyer's decision, the buyer of an answer.

Each change locks the quote's row, so two tabs or a double click change it once.
"""

import datetime
from collections import defaultdict

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from wholesale.access import verified_company
from wholesale.emails import send_quote_answered, send_quote_asked, send_quote_decided
from wholesale.models import QuoteLine, QuoteRequest, SellerQuote, WholesaleOffer

Product = get_model("catalogue", "Product")


def quotable_offers():
    """Offers on listings the shop shows and sells (a hidden piece or a suspended seller's
    cannot be quoted, whatever id is posted)."""
    return WholesaleOffer.objects.filter(stockrecord__product__in=Product.objects.sellable())


class QuoteError(Exception):
    """Why the action is refused (a translatable message)."""


def _after_commit(task, quote_id):
    transaction.on_commit(lambda: task.delay(quote_id))


def _today():
    return timezone.localdate()


@transaction.atomic
def ask_quote(user, destination, incoterm, target_date, items, note=""):
    """``items``: [(stockrecord, quantity)]. One SellerQuote per seller; QuoteError otherwise."""
    company = verified_company(user)
    if company is None:
        raise QuoteError(_("Only verified companies ask for quotes."))
    if destination.company_id != company.pk:
        raise QuoteError(_("Choose one of your company's delivery locations."))
    if target_date <= _today():
        raise QuoteError(_("The wanted-by date must be after today."))
    if not items:
        raise QuoteError(_("Add at least one piece to the quote."))
    offers = {
        offer.stockrecord_id: offer
        for offer in quotable_offers().filter(
            stockrecord__in=[record for record, _quantity in items]
        )
    }
    by_seller = defaultdict(list)
    for record, quantity in items:
        offer = offers.get(record.pk)
        if offer is None:
            raise QuoteError(_("This piece is not sold wholesale."))
        errors = offer.quantity_errors(quantity)
        if errors:
            raise QuoteError(" ".join(str(error) for error in errors))
        by_seller[record.partner_id].append((record, quantity))
    request = QuoteRequest.objects.create(
        company=company,
        requested_by=user,
        destination=destination,
        incoterm=incoterm,
        target_date=target_date,
        note=note,
        language=translation.get_language() or settings.LANGUAGE_CODE,
    )
    for seller_id, lines in by_seller.items():
        quote = SellerQuote.objects.create(request=request, seller_id=seller_id)
        QuoteLine.objects.bulk_create(
            QuoteLine(quote=quote, stockrecord=record, quantity=quantity)
            for record, quantity in lines
        )
        _after_commit(send_quote_asked, quote.pk)
    return request


def suggested_price(line):
    """The offer's tier price for the line's quantity (the seller's answer starts from it)."""
    offer = WholesaleOffer.objects.filter(stockrecord_id=line.stockrecord_id).first()
    return None if offer is None else offer.unit_price(line.quantity)


def locked_quote(quote_id):
    return SellerQuote.objects.select_for_update().get(pk=quote_id)


@transaction.atomic
def answer_quote(quote_id, seller, prices, lead_time_days, valid_until):
    """``prices``: {line id: unit price in MAD}."""
    quote = locked_quote(quote_id)
    if quote.seller_id != seller.pk:
        raise QuoteError(_("This quote was asked of another seller."))
    if quote.status != SellerQuote.ASKED:
        raise QuoteError(_("This quote has been answered already."))
    if valid_until < _today():
        raise QuoteError(_("The validity date cannot be in the past."))
    lines = list(quote.lines.all())
    if any(prices.get(line.pk) is None or prices[line.pk] <= 0 for line in lines):
        raise QuoteError(_("Price every line of the quote."))
    for line in lines:
        line.unit_price = prices[line.pk]
        line.save(update_fields=["unit_price"])
    quote.status = SellerQuote.ANSWERED
    quote.lead_time_days = lead_time_days
    quote.valid_until = valid_until
    quote.answered_at = timezone.now()
    quote.save(update_fields=["status", "lead_time_days", "valid_until", "answered_at"])
    _after_commit(send_quote_answered, quote.pk)
    return quote


def _buyer_quote(quote_id, user):
    quote = locked_quote(quote_id)
    company = verified_company(user)
    if company is None or quote.request.company_id != company.pk:
        raise QuoteError(_("This quote belongs to another company."))
    return quote


def _decide(quote, status):
    quote.status = status
    quote.decided_at = timezone.now()
    quote.save(update_fields=["status", "decided_at"])
    if status in (SellerQuote.ACCEPTED, SellerQuote.DECLINED):
        _after_commit(send_quote_decided, quote.pk)
    return quote


def accept_quote(quote_id, user):
    with transaction.atomic():
        quote = _buyer_quote(quote_id, user)
        if quote.status != SellerQuote.ANSWERED:
            raise QuoteError(_("Only an answered quote can be accepted."))
        if quote.valid_until >= _today():
            return _decide(quote, SellerQuote.ACCEPTED)
        _decide(quote, SellerQuote.EXPIRED)  # committed: the refusal below does not undo it
    raise QuoteError(_("This quote has expired: ask the seller for a new one."))


@transaction.atomic
def decline_quote(quote_id, user):
    quote = _buyer_quote(quote_id, user)
    if quote.status not in (SellerQuote.ASKED, SellerQuote.ANSWERED):
        raise QuoteError(_("This quote is closed."))
    return _decide(quote, SellerQuote.DECLINED)


@transaction.atomic
def expire_quotes(today=None):
    """Close answered quotes past their validity and asked ones past the wanted-by date."""
    today = today or _today()
    answered = SellerQuote.objects.filter(status=SellerQuote.ANSWERED, valid_until__lt=today)
    asked = SellerQuote.objects.filter(status=SellerQuote.ASKED, request__target_date__lt=today)
    now = timezone.now()
    return answered.update(status=SellerQuote.EXPIRED, decided_at=now) + asked.update(
        status=SellerQuote.EXPIRED, decided_at=now
    )


def line_total(quote):
    """The answered quote's total in MAD."""
    return sum((line.unit_price or 0) * line.quantity for line in quote.lines.all())


def default_validity(today=None):
    return (today or _today()) + datetime.timedelta(days=30)
