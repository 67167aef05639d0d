"""Refunds from the dashboard: whole orders or single seller lines, in the charged currency.

A line's refund is its MAD price converted at the rate locked on the order, so a buyer gets
back what was charged for it. Each refunded line sends ``line_refunded`` after commit, and
each refund ``refund_recorded`` (the order's status follows). Once all
of a seller's lines are refunded, that seller's parcel shipping and DDP duties (surcharges
``duty-<partner_id>-<n>``) may be refunded too, once (``Parcel.shipping_refunded_at``).
"""

from decimal import Decimal

import stripe
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.currency.money import MINOR_UNITS, Money, convert_from_mad, convert_to_mad
from marketplace.payments.gateway import stripe_client
from marketplace.payments.models import CheckoutPayment, PaymentRefund
from marketplace.payments.signals import line_refunded, refund_recorded
from sellers.fulfilment.models import Parcel


class RefundError(Exception):
    pass


def refunded_amount(payment):
    return payment.refunds.aggregate(total=Sum("amount"))["total"] or Decimal(0)


def parcel_refund_amount(order, parcel):
    """MAD: a seller's parcel shipping plus the duties it paid at checkout (its surcharges)."""
    prefix = f"duty-{parcel.partner_id}-"
    duties = sum(
        (row.incl_tax for row in order.surcharges.all() if row.code.startswith(prefix)),
        Decimal(0),
    )
    return parcel.shipping_charge + duties


def parcel_refund_offers(order):
    """Each parcel of ``order`` with its shipping-and-duties amount and whether it may be
    refunded now (every line of its seller refunded) or already was."""
    refunded = set(order.lines.filter(refunds__isnull=False).values_list("pk", flat=True))
    lines_by_partner = {}
    for line in order.lines.all():
        lines_by_partner.setdefault(line.partner_id, []).append(line.pk)
    offers = []
    for parcel in order.parcels.select_related("partner"):
        lines = lines_by_partner.get(parcel.partner_id, [])
        offers.append(
            {
                "parcel": parcel,
                "amount": parcel_refund_amount(order, parcel),
                "refunded": parcel.shipping_refunded_at is not None,
                "lines_refunded": all(pk in refunded for pk in lines),
            }
        )
    return offers


def refund_lines(order, lines, user=None, parcels=(), extra=None):
    """Refund ``lines`` of ``order`` in one Stripe refund; returns the PaymentRefund rows.

    ``parcels``: partner ids whose parcel shipping and duties are refunded too; each seller's
    lines must all be refunded once this refund is done. ``extra``: ``(amount, key)``, an
    amount in the charged currency refunded with them in a row without a line (a return's
    postage), ``key`` naming it in the Stripe idempotency key.
    """
    with transaction.atomic():
        payment = CheckoutPayment.objects.select_for_update().get(order=order)
        already = set(payment.refunds.filter(line__isnull=False).values_list("line_id", flat=True))
        lines = [line for line in lines if line.pk not in already]
        if not lines and not parcels and not extra:
            raise RefundError(_("These lines are already refunded."))
        parts = [(line, line.line_price_incl_tax) for line in lines]
        covered = already | {line.pk for line in lines}
        locked = _parcels_to_refund(order, parcels, covered)
        parts += [(None, parcel_refund_amount(order, parcel)) for parcel in locked]
        key = "parcel" + "-".join(str(parcel.partner_id) for parcel in locked) if locked else ""
        if extra:
            amount, extra_key = extra
            money = Money(Decimal(amount), payment.currency).rounded()
            mad = (
                money.amount
                if payment.currency == "MAD"
                else convert_to_mad(money.amount, payment.rate).amount
            )
            parts.append((None, mad, money))
            key = f"{key}-{extra_key}" if key else extra_key
        rows = _refund(payment, parts, user, key)
        _mark_refunded(locked)
        return rows


def _parcels_to_refund(order, partner_ids, covered_line_ids):
    """The parcels of ``partner_ids``, locked, after checking each may be refunded."""
    parcels = list(
        Parcel.objects.select_for_update()
        .select_related("partner")
        .filter(order=order, partner_id__in=partner_ids)
        .order_by("partner_id")
    )
    for parcel in parcels:
        if parcel.shipping_refunded_at is not None:
            raise RefundError(
                _("The shipping and duties of %(seller)s's parcel are already refunded.")
                % {"seller": parcel.partner.name}
            )
        seller_lines = order.lines.filter(partner_id=parcel.partner_id).values_list("pk", flat=True)
        if not set(seller_lines) <= covered_line_ids:
            raise RefundError(
                _("Refund all of %(seller)s's lines before its parcel's shipping and duties.")
                % {"seller": parcel.partner.name}
            )
    return parcels


def _mark_refunded(parcels):
    now = timezone.now()
    for parcel in parcels:
        parcel.shipping_refunded_at = now
        parcel.save(update_fields=["shipping_refunded_at"])


def refund_order(order, user=None):
    """Refund what remains of the order: every unrefunded line, then the shipping with the
    duties and taxes paid at checkout (DDP surcharges) not yet refunded with a seller's
    parcel, in one row without a line."""
    with transaction.atomic():
        payment = CheckoutPayment.objects.select_for_update().get(order=order)
        refunded_lines = set(payment.refunds.values_list("line_id", flat=True))
        parts = [
            (line, line.line_price_incl_tax)
            for line in order.lines.all()
            if line.pk not in refunded_lines
        ]
        earlier = payment.refunds.filter(line__isnull=True)
        rest_refunded = earlier.aggregate(total=Sum("amount_mad"))["total"] or Decimal(0)
        rest = order.shipping_incl_tax + order.surcharge_incl_tax - rest_refunded
        if rest > 0:
            parts.append((None, rest))
        if not parts:
            raise RefundError(_("This order is already fully refunded."))
        parcels = list(
            Parcel.objects.select_for_update().filter(
                order=order, shipping_refunded_at__isnull=True
            )
        )
        rows = _refund(payment, parts, user, f"rest{earlier.count()}" if earlier else "")
        _mark_refunded(parcels)
        return rows


def refund_unplaceable(payment, message=None):
    """Return a whole charge whose order can no longer be placed (pieces sold meanwhile,
    or a total that no longer matches the charge); ``message`` tells the buyer why.

    Called with the payment row locked; Stripe's idempotency key makes a retry harmless.
    """
    refund = stripe_client().v1.refunds.create(
        params={"payment_intent": payment.stripe_payment_intent},
        options={"idempotency_key": f"unplaceable-{payment.pk}"},
    )
    refunded = _refunded_money(refund, payment)
    PaymentRefund.objects.create(
        payment=payment,
        amount_mad=payment.total_mad,
        amount=refunded.amount,
        currency=refunded.currency,
        stripe_refund=refund.id,
    )
    payment.status = CheckoutPayment.Status.REFUNDED
    payment.failure_message = message or _(
        "A piece in your basket was sold while your payment was confirmed: "
        "your payment has been refunded in full."
    )
    payment.save(update_fields=["status", "failure_message", "updated_at"])
    return refund


def _refunded_money(refund, payment):
    """What a whole refund returned, as Stripe says (a charge that did not match its payment
    is refunded in full all the same)."""
    currency = str(refund.currency).upper()
    if currency not in MINOR_UNITS:
        return payment.charged
    return Money.from_minor_units(refund.amount, currency)


def _refund(payment, parts, user, key=""):
    """Call Stripe once for all ``parts`` (``(line or None, amount_mad)``, or with the amount
    in the charged currency already: ``(None, amount_mad, Money)``) under the row lock."""
    converted = [
        part
        if len(part) == 3
        else (*part, convert_from_mad(part[1], payment.currency, payment.rate))
        for part in parts
    ]
    total = sum((money.amount for _line, _mad, money in converted), Decimal(0))
    remaining = payment.amount - refunded_amount(payment)
    if total > remaining:  # rounding of many lines may pass the charge by a minor unit
        total = remaining
    if total <= 0:
        raise RefundError(_("Nothing is left to refund on this payment."))
    try:
        refund = stripe_client().v1.refunds.create(
            params={
                "payment_intent": payment.stripe_payment_intent,
                "amount": Money(total, payment.currency).minor_units,
                "metadata": {"order_number": payment.order_number},
            },
            options={"idempotency_key": _idempotency_key(payment, parts, key)},
        )
    except stripe.StripeError as error:
        raise RefundError(str(error.user_message or error)) from error
    rows = PaymentRefund.objects.bulk_create(
        PaymentRefund(
            payment=payment,
            line=line,
            amount_mad=mad,
            amount=money.amount,
            currency=payment.currency,
            stripe_refund=refund.id,
            created_by=user if user and user.is_authenticated else None,
        )
        for line, mad, money in converted
    )
    for row in rows:
        if row.line is not None:
            transaction.on_commit(
                lambda row=row: line_refunded.send(
                    sender=PaymentRefund,
                    line=row.line,
                    amount_mad=row.amount_mad,
                    reference=row.stripe_refund,
                )
            )
    order = payment.order
    if order is not None:
        transaction.on_commit(lambda: refund_recorded.send(sender=PaymentRefund, order=order))
    return rows


def _idempotency_key(payment, parts, key=""):
    ids = ",".join(str(part[0].pk) if part[0] else "shipping" for part in parts)
    return f"refund-{payment.pk}-{ids}" + (f"-{key}" if key else "")
