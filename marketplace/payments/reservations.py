"""Holding stock for a payment in progress, under a row lock on each stock record.

A unique piece (stock 1) can be in one buyer's payment at a time: the first checkout to lock
its stock record reserves it, the others are told it is no longer available before any charge.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce, Now
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from marketplace.payments.models import StockReservation


class PieceUnavailable(Exception):
    """Raised when a basket line can no longer be reserved; the message is for the buyer."""


def held_subquery():
    """The units held by active, unexpired reservations of the outer stock record, as an
    expression (registered with ``catalog.holds`` for ``Product.objects.purchasable()``)."""
    held = (
        StockReservation.objects.filter(
            stockrecord=OuterRef("pk"),
            state=StockReservation.State.ACTIVE,
            expires_at__gt=Now(),
        )
        .order_by()
        .values("stockrecord")
        .annotate(total=Sum("quantity"))
        .values("total")
    )
    return Coalesce(Subquery(held), 0)


def held_quantity(stockrecord_id, now=None):
    """Units held by other payments' active, unexpired reservations."""
    now = now or timezone.now()
    held = StockReservation.objects.filter(
        stockrecord_id=stockrecord_id, state=StockReservation.State.ACTIVE, expires_at__gt=now
    ).aggregate(total=Sum("quantity"))["total"]
    return held or 0


def reserve_basket(payment, basket):
    """Reserve every line of ``basket`` for ``payment`` or none (raises PieceUnavailable)."""
    StockRecord = get_model("partner", "StockRecord")
    lines = list(basket.all_lines())
    wanted = {}
    for line in lines:
        wanted[line.stockrecord_id] = wanted.get(line.stockrecord_id, 0) + line.quantity
    now = timezone.now()
    expires_at = now + datetime.timedelta(minutes=settings.STOCK_RESERVATION_MINUTES)
    with transaction.atomic():
        # Locks taken in stock-record order, as Oscar's order placement does: no deadlock.
        records = StockRecord.objects.select_for_update().filter(pk__in=wanted).order_by("pk")
        for record in records:
            allocated = record.num_allocated or 0
            free = (record.num_in_stock or 0) - allocated - held_quantity(record.pk, now)
            if record.product.get_product_class().track_stock and wanted[record.pk] > free:
                raise PieceUnavailable(
                    _("“%(title)s” has just been reserved or sold to another buyer.")
                    % {"title": record.product.get_title()}
                )
        StockReservation.objects.bulk_create(
            StockReservation(
                payment=payment, stockrecord_id=pk, quantity=quantity, expires_at=expires_at
            )
            for pk, quantity in wanted.items()
        )


def release(payment):
    """Give back what ``payment`` held (payment failed, canceled or timed out)."""
    return StockReservation.objects.filter(
        payment=payment, state=StockReservation.State.ACTIVE
    ).update(state=StockReservation.State.RELEASED)


def consume(payment):
    """The order is placed: Oscar's allocation now holds the stock, the reservation is done."""
    return StockReservation.objects.filter(
        payment=payment, state=StockReservation.State.ACTIVE
    ).update(state=StockReservation.State.CONSUMED)
