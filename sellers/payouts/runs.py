"""Payout runs: available entries grouped per seller into payouts, then reconciled.

``create_run(user, execution_date)``: every seller whose available entries (released, in no
payout) add up to more than zero and who has a valid RIB gets one ``Payout`` with a unique
reference; its entries point to it. One run at a time (an advisory lock), entries locked.
``mark_paid(run, user)``: the bank has paid the batch: the run and its payouts get their
``paid_at`` once (a second call changes nothing); their entries are then paid out.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from oscar.core.loading import get_model

from marketplace.idempotency.locks import hold_until_commit
from sellers.payouts.models import LedgerEntry, Payout, PayoutRun
from sellers.payouts.money import CURRENCY, to_mad
from sellers.payouts.services import frozen_q
from sellers.validators import validate_rib


class PayoutError(ValueError):
    pass


def available_entries():
    """Released entries in no payout, less those an open dispute freezes."""
    return LedgerEntry.objects.filter(released_at__isnull=False, payout__isnull=True).exclude(
        frozen_q()
    )


def payable_sellers():
    """[(seller, amount)] of sellers with a positive available sum, and [(seller, amount)] of
    those among them that cannot be paid for want of a valid RIB."""
    Partner = get_model("partner", "Partner")
    sums = dict(
        available_entries()
        .values("seller")
        .annotate(total=Sum("amount"))
        .filter(total__gt=0)
        .values_list("seller", "total")
    )
    payable, blocked = [], []
    for seller in Partner.objects.filter(pk__in=sums).order_by("pk"):
        (payable if has_valid_rib(seller) else blocked).append((seller, to_mad(sums[seller.pk])))
    return payable, blocked


def has_valid_rib(seller):
    try:
        validate_rib(seller.rib)
    except ValidationError:
        return False
    return True


def beneficiary(seller):
    return (getattr(seller, "name_latin", "") or seller.name)[:140]


@transaction.atomic
def create_run(user=None, execution_date=None):
    """A run paying every payable seller; None when there is nobody to pay."""
    hold_until_commit("payouts-run")
    payable, _blocked = payable_sellers()
    if not payable:
        return None
    today = timezone.localdate()
    run = PayoutRun.objects.create(
        reference=f"tmp-{timezone.now().timestamp()}",
        execution_date=execution_date or today,
        total=0,
        currency=CURRENCY,
        created_by=user,
    )
    run.reference = f"PR{today:%Y%m%d}-{run.pk:06d}"
    total = to_mad(0)
    for seller, _amount in payable:
        entries = available_entries().filter(seller=seller).select_for_update()
        ids = list(entries.values_list("pk", flat=True))
        amount = to_mad(
            LedgerEntry.objects.filter(pk__in=ids).aggregate(total=Sum("amount"))["total"] or 0
        )
        if amount <= 0:
            continue
        payout = Payout.objects.create(
            run=run,
            seller=seller,
            reference=f"tmp-{run.pk}-{seller.pk}",
            amount=amount,
            currency=CURRENCY,
            beneficiary=beneficiary(seller),
            rib=seller.rib,
            bank_name=seller.bank_name,
        )
        payout.reference = f"PO{today:%Y%m%d}-{payout.pk:06d}"
        payout.save(update_fields=["reference"])
        LedgerEntry.objects.filter(pk__in=ids).update(payout=payout)
        total += amount
    run.total = total
    run.save(update_fields=["reference", "total"])
    return run


@transaction.atomic
def mark_paid(run, user=None):
    """Reconcile ``run``: it and its payouts are paid (once); returns the fresh run."""
    locked = PayoutRun.objects.select_for_update().get(pk=run.pk)
    if locked.paid_at is not None:
        return locked
    now = timezone.now()
    locked.paid_at, locked.paid_by = now, user
    locked.save(update_fields=["paid_at", "paid_by"])
    locked.payouts.filter(paid_at__isnull=True).update(paid_at=now)
    return locked
