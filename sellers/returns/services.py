"""A return's states and the one function moving it between them.

requested → accepted or refused by the seller (answer due ``RETURNS_SELLER_ANSWER_DAYS`` after
the request); refused, or still unanswered past the deadline → escalated by the buyer (once) →
accepted or refused by a curator, with a reason; accepted → shipped (the buyer's carrier and
tracking) → received (the seller or a curator confirms, or the carrier's tracking says
delivered) → refunded through ``marketplace.payments.refunds.refund_lines`` (a preferred
replacement: → replaced when the seller sends it).

Each move locks the request's row and records a ``ReturnEvent`` (who, as what, when, why);
asking for the state the request is already in does nothing, so a double click or a second tab
moves it once, and refunds once.
"""

import datetime
import logging
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from marketplace.currency.money import convert_from_mad
from marketplace.payments.models import CheckoutPayment, PaymentRefund
from marketplace.payments.refunds import RefundError, refund_lines
from marketplace.payments.signals import seller_cost_refunded
from sellers.returns import emails
from sellers.returns.models import (
    SELLER_FAULT,
    Payer,
    ReturnEvent,
    ReturnLine,
    ReturnPhoto,
    ReturnRequest,
)
from sellers.returns.policy import policy_for, returnable_lines

logger = logging.getLogger(__name__)

Status = ReturnRequest.Status
Role = ReturnEvent.Role
# States of a return whose pieces may travel back (its customs paper is available).
ACCEPTED_STATES = frozenset(
    {Status.ACCEPTED, Status.SHIPPED, Status.RECEIVED, Status.REFUNDED, Status.REPLACED}
)


# The states a return reaches after each one on its way to the refund: asking again for a
# step already passed (a second tab, a late tracking event) changes nothing.
LATER = {
    Status.ACCEPTED: {Status.SHIPPED, Status.RECEIVED, Status.REFUNDED, Status.REPLACED},
    Status.SHIPPED: {Status.RECEIVED, Status.REFUNDED, Status.REPLACED},
    Status.RECEIVED: {Status.REFUNDED, Status.REPLACED},
}


class ReturnError(Exception):
    """A move the request's state or the rules do not allow; the message is for the user."""


def ask(order, line_ids, reason, outcome, *, details="", photos=(), user=None, language="en"):
    """Open one return per seller for the chosen lines of ``order``; returns the requests.

    Refused (ReturnError) when a line may not be returned or the reason is not one its
    seller's policy accepts. The order's row is locked, so two submissions cannot both take
    the same line.
    """
    Order = get_model("order", "Order")
    with transaction.atomic():
        Order.objects.select_for_update().get(pk=order.pk)
        rows = {
            line.pk: (line, policy, refusal) for line, policy, refusal in returnable_lines(order)
        }
        chosen = [rows[pk] for pk in line_ids if pk in rows]
        if not chosen:
            raise ReturnError(_("Choose at least one piece to return."))
        by_seller = {}
        for line, policy, refusal in chosen:
            if refusal:
                raise ReturnError(f"{line.title}: {refusal}")
            if reason not in policy.reasons:
                raise ReturnError(
                    _("%(title)s: this seller does not take returns for this reason.")
                    % {"title": line.title}
                )
            by_seller.setdefault(line.partner, []).append(line)
        now = timezone.now()
        deadline = now + datetime.timedelta(days=settings.RETURNS_SELLER_ANSWER_DAYS)
        created = []
        for seller, lines in by_seller.items():
            request = ReturnRequest.objects.create(
                order=order,
                seller=seller,
                reason=reason,
                outcome=outcome,
                details=details,
                buyer_language=language,
                respond_by=deadline,
            )
            ReturnLine.objects.bulk_create(ReturnLine(request=request, line=line) for line in lines)
            for photo in photos:
                photo.seek(0)
                ReturnPhoto.objects.create(request=request, image=photo)
            _record(request, "", Status.REQUESTED, Role.BUYER, user, details)
            created.append(request)
        return created


def can_escalate(request, now=None):
    if request.escalated_at is not None:
        return False
    if request.status == Status.REFUSED:
        return True
    return request.status == Status.REQUESTED and (now or timezone.now()) > request.respond_by


def accept(request, user, note=""):
    return _move(request, {Status.REQUESTED}, Status.ACCEPTED, Role.SELLER, user, note)


def refuse(request, user, note):
    if not note.strip():
        raise ReturnError(_("Say why the return is refused."))
    return _move(request, {Status.REQUESTED}, Status.REFUSED, Role.SELLER, user, note)


def escalate(request, user, note):
    """The buyer takes a refused, or unanswered past its deadline, request to a curator."""

    def check(locked):
        if not can_escalate(locked):
            raise ReturnError(
                _(
                    "A curator can look at this return once the seller refuses it or lets its "
                    "deadline pass."
                )
            )
        locked.escalated_at = timezone.now()

    return _move(
        request,
        {Status.REQUESTED, Status.REFUSED},
        Status.ESCALATED,
        Role.BUYER,
        user,
        note,
        check=check,
    )


def decide(request, user, accepted, note, postage_paid_by=""):
    """A curator's decision on an escalated return, with its reason; ``postage_paid_by``
    (a ``Payer``, blank to follow the seller's policy) says who bears the return postage."""
    if not note.strip():
        raise ReturnError(_("Give the reason for the decision."))
    to = Status.ACCEPTED if accepted else Status.REFUSED

    def check(locked):
        locked.return_postage_paid_by = postage_paid_by or ""

    return _move(request, {Status.ESCALATED}, to, Role.CURATOR, user, note, check=check)


def ship_back(request, user, carrier, tracking_number, postage=None):
    """The buyer's parcel back: carrier, tracking, and what its postage cost (charged currency)."""

    def check(locked):
        locked.return_carrier = carrier
        locked.return_tracking = tracking_number.strip()
        if postage is not None:
            locked.return_postage = postage
            locked.return_postage_currency = charged_currency(locked.order)

    return _move(request, {Status.ACCEPTED}, Status.SHIPPED, Role.BUYER, user, "", check=check)


def confirm_receipt(request, user, role=Role.SELLER, note=""):
    """The pieces are back: received, then refunded when the buyer asked for a refund."""
    request = _move(request, {Status.ACCEPTED, Status.SHIPPED}, Status.RECEIVED, role, user, note)
    if request.outcome == ReturnRequest.Outcome.REFUND:
        try:
            request = refund(request, user)
        except ReturnError as error:
            logger.warning("Return %s received but not refunded: %s", request.pk, error)
    return request


def send_replacement(request, user, note=""):
    def check(locked):
        if locked.outcome != ReturnRequest.Outcome.REPLACEMENT:
            raise ReturnError(_("The buyer asked for a refund."))

    return _move(request, {Status.RECEIVED}, Status.REPLACED, Role.SELLER, user, note, check=check)


def refund(request, user=None):
    """Refund the returned lines (with the seller's parcel shipping and duties when the policy
    says so and every line of that seller comes back), once; a Stripe failure leaves the
    request received, for the hourly task to try again."""

    return _move(
        request,
        {Status.RECEIVED},
        Status.REFUNDED,
        Role.SYSTEM,
        user,
        "",
        check=lambda locked: _refund_locked(locked, user),
    )


def refund_without_return(request, user, note):
    """A curator's decision: the buyer keeps the pieces (broken beyond sending back, say) and
    is refunded at once, as on receipt; the reason goes into the return's history. From an
    escalated, accepted or shipped return; a second submission refunds nothing more."""
    if not note.strip():
        raise ReturnError(_("Give the reason for the decision."))
    return _move(
        request,
        {Status.ESCALATED, Status.ACCEPTED, Status.SHIPPED},
        Status.REFUNDED,
        Role.CURATOR,
        user,
        note,
        check=lambda locked: _refund_locked(locked, user),
    )


def _refund_locked(locked, user):
    """Refund the lines of ``locked`` (its row locked) not refunded yet, with the seller's
    parcel shipping when ``refunds_shipping`` says so."""
    lines = [row.line for row in locked.lines.select_related("line")]
    refunded = set(PaymentRefund.objects.filter(line__in=lines).values_list("line_id", flat=True))
    to_refund = [line for line in lines if line.pk not in refunded]
    parcels = [locked.seller_id] if refunds_shipping(locked, lines) else []
    postage = postage_to_refund(locked)
    extra = (postage, f"postage{locked.pk}") if postage else None
    if to_refund or parcels or extra:
        try:
            rows = refund_lines(locked.order, to_refund, user, parcels, extra=extra)
        except RefundError as error:
            raise ReturnError(str(error)) from error
        if extra:
            _debit_postage(locked, rows[-1])
    locked.refund_shipping = bool(parcels)
    if postage:
        locked.return_postage_refunded = postage


def postage_payer(request):
    """Who bears the return postage: the curator's decision, else the seller's policy."""
    return request.return_postage_paid_by or policy_for(request.seller).return_shipping_paid_by


def postage_cap(request):
    """The most of a return's postage refunded, in the charged currency: the shipping charged
    for the seller's parcel on its way out (what the buyer paid to receive these pieces), at
    the rate locked on the order. A return costs the seller at most the trip it was paid for;
    a parcel shipped free refunds no postage (a curator can still refund without return)."""
    payment = CheckoutPayment.objects.filter(order=request.order).first()
    parcel = request.order.parcels.filter(partner=request.seller).first()
    if payment is None or parcel is None:
        return Decimal(0)
    return convert_from_mad(parcel.shipping_charge, payment.currency, payment.rate).amount


def postage_to_refund(request):
    """The postage refunded with this return (charged currency), 0 when the buyer bears it,
    none was entered, or it was refunded already."""
    if (
        not request.return_postage
        or request.return_postage_refunded is not None
        or postage_payer(request) != Payer.SELLER
    ):
        return Decimal(0)
    return min(request.return_postage, postage_cap(request))


def _debit_postage(request, row):
    """The seller bears the postage refunded: debited from its payouts, after commit."""
    transaction.on_commit(
        lambda: seller_cost_refunded.send(
            sender=ReturnRequest,
            seller=request.seller,
            amount_mad=row.amount_mad,
            reference=row.stripe_refund,
            order_number=request.order.number,
            key=f"return-postage:{request.pk}",
        )
    )


def enter_postage(request, amount, user=None):
    """Record what the buyer paid to send the pieces back, in the order's charged currency;
    kept once the return is refunded (its postage refund, if any, is made)."""
    with transaction.atomic():
        locked = ReturnRequest.objects.select_for_update().get(pk=request.pk)
        if locked.status in (Status.REFUNDED, Status.REPLACED, Status.REFUSED):
            raise ReturnError(
                _("This return is %(status)s: it cannot change that way.")
                % {"status": locked.get_status_display().lower()}
            )
        locked.return_postage = amount
        locked.return_postage_currency = charged_currency(locked.order)
        locked.save(update_fields=["return_postage", "return_postage_currency", "updated_at"])
        return locked


def charged_currency(order):
    payment = CheckoutPayment.objects.filter(order=order).first()
    return payment.currency if payment else "MAD"


def refunds_shipping(request, lines):
    """Whether this return also refunds its seller's parcel shipping and duties."""
    policy_pays = policy_for(request.seller).return_shipping_paid_by == Payer.SELLER
    if request.reason not in SELLER_FAULT and not policy_pays:
        return False
    parcel = request.order.parcels.filter(partner=request.seller).first()
    if parcel is None or parcel.shipping_refunded_at is not None:
        return False
    seller_lines = set(
        request.order.lines.filter(partner=request.seller).values_list("pk", flat=True)
    )
    refunded = set(
        PaymentRefund.objects.filter(line__order=request.order).values_list("line_id", flat=True)
    )
    return seller_lines <= refunded | {line.pk for line in lines}


def _move(request, allowed, to, role, user, note, check=None):
    """Move ``request`` to ``to`` under its row lock; a request already there, or past it
    (``LATER``), is returned as it is."""
    with transaction.atomic():
        locked = ReturnRequest.objects.select_for_update().get(pk=request.pk)
        if locked.status == to or locked.status in LATER.get(to, ()):
            return locked
        if locked.status not in allowed:
            raise ReturnError(
                _("This return is %(status)s: it cannot change that way.")
                % {"status": locked.get_status_display().lower()}
            )
        if check is not None:
            check(locked)
        before = locked.status
        locked.status = to
        locked.save()
        _record(locked, before, to, role, user, note)
        return locked


def _record(request, before, to, role, user, note):
    event = ReturnEvent.objects.create(
        request=request,
        from_status=before,
        to_status=to,
        role=role,
        actor=user if user is not None and user.is_authenticated else None,
        note=note,
    )
    transaction.on_commit(lambda: emails.send_return_email.delay(event.pk))
    return event
