"""Wholesale orders: a company turns the accepted quotes of one request into an order, pays it
by bank transfer against the pro-forma invoice, in full or as a deposit and a balance; staff
confirm each transfer as it arrives.

- place: once per request (a double click or a second tab returns the same order); only the
  company's contacts; at least one accepted quote, and none still waiting for an answer or a
  decision; the total is the accepted lines', frozen on the order.
- split: the deposit is the percentage of the total rounded to the centime, the balance the
  exact rest, so the two always add up to the total.
- confirm: staff only (the view checks); a deposit before the balance; a payment confirmed
  once, whatever the number of clicks.
"""

from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wholesale.access import verified_company
from wholesale.models import QuoteRequest, SellerQuote, WholesaleOrder, WholesalePayment
from wholesale.quotes import QuoteError, line_total

CENT = Decimal("0.01")
OPEN = (SellerQuote.ASKED, SellerQuote.ANSWERED)


def split(total, percent):
    """[(kind, amount)]: the payments due for ``total`` with a ``percent`` deposit."""
    if not percent:
        return [(WholesalePayment.FULL, total)]
    deposit = (total * Decimal(percent) / 100).quantize(CENT, rounding=ROUND_HALF_UP)
    return [(WholesalePayment.DEPOSIT, deposit), (WholesalePayment.BALANCE, total - deposit)]


def accepted_quotes(request):
    return request.quotes.filter(status=SellerQuote.ACCEPTED).prefetch_related("lines")


@transaction.atomic
def place_order(request_id, user, deposit_percent):
    """The order of the request's accepted quotes (the existing one if already placed)."""
    if deposit_percent not in dict(WholesaleOrder.DEPOSIT_CHOICES):
        raise QuoteError(_("Choose payment terms."))
    request = QuoteRequest.objects.select_for_update().get(pk=request_id)
    company = verified_company(user)
    if company is None or request.company_id != company.pk:
        raise QuoteError(_("This quote belongs to another company."))
    existing = WholesaleOrder.objects.filter(request=request).first()
    if existing is not None:
        return existing
    if request.quotes.filter(status__in=OPEN).exists():
        raise QuoteError(_("Accept or decline every answer before ordering."))
    quotes = list(accepted_quotes(request))
    if not quotes:
        raise QuoteError(_("Accept at least one answer before ordering."))
    total = sum((line_total(quote) for quote in quotes), Decimal(0)).quantize(CENT)
    order = WholesaleOrder.objects.create(
        request=request,
        company=company,
        placed_by=user,
        deposit_percent=deposit_percent,
        total=total,
    )
    WholesalePayment.objects.bulk_create(
        WholesalePayment(order=order, kind=kind, amount=amount)
        for kind, amount in split(total, deposit_percent)
    )
    return order


def balance_waits_for_deposit(payment):
    """Whether ``payment`` is a balance whose deposit has not been received yet."""
    if payment.kind != WholesalePayment.BALANCE:
        return False
    return payment.order.payments.filter(
        kind=WholesalePayment.DEPOSIT, paid_at__isnull=True
    ).exists()


def record_paid(payment, confirmed_by=None, bank_reference=""):
    """Mark a locked, unpaid ``payment`` received: what a staff-confirmed transfer and a card
    payment settled by Stripe both do (the order's status follows from its payments)."""
    payment.paid_at = timezone.now()
    payment.confirmed_by = confirmed_by
    payment.bank_reference = bank_reference.strip()
    payment.save(update_fields=["paid_at", "confirmed_by", "bank_reference"])
    return payment


@transaction.atomic
def confirm_payment(payment_id, staff_user, bank_reference=""):
    """Record that the transfer for ``payment_id`` arrived; a second confirmation changes
    nothing."""
    payment = WholesalePayment.objects.select_for_update().get(pk=payment_id)
    if payment.paid_at is not None:
        return payment
    if balance_waits_for_deposit(payment):
        raise QuoteError(_("Confirm the deposit before the balance."))
    return record_paid(payment, staff_user, bank_reference)


def status(order):
    """What the order waits for, as a translated label."""
    due = [payment for payment in order.payments.all() if payment.paid_at is None]
    if not due:
        return _("Paid")
    if due[0].kind == WholesalePayment.BALANCE:
        return _("In production: balance due before shipment")
    if due[0].kind == WholesalePayment.DEPOSIT:
        return _("Waiting for the deposit")
    if due[0].kind == WholesalePayment.FREIGHT:
        return _("Packed: freight due before shipment")
    return _("Waiting for payment")
