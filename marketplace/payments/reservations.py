"""Holding stock for a payment in progress, under a row lock on each stock record.

A unique piece (stock 1) can be in one buyer's payment at a time: the first checkout to lock
its stock record reserves it, the others are told it is no longer available before any charge.

Buyers see it too: once every unit left of a product is held, its card and its page show it
reserved (``cache.record_hold``, read with the product's token: no query per card) until its
earliest hold expires or a hold is released; a placed order then shows it sold out.
"""

import datetime
import math

from django.conf import settings
from django.db import transaction
from django.db.models import Min, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce, Now
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from marketplace.core import cache
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
        publish_holds(wanted)


def _end(payment, state):
    active = StockReservation.objects.filter(payment=payment, state=StockReservation.State.ACTIVE)
    records = list(active.values_list("stockrecord_id", flat=True))
    ended = active.update(state=state)
    publish_holds(records)
    return ended


def release(payment):
    """Give back what ``payment`` held (payment failed, canceled or timed out)."""
    return _end(payment, StockReservation.State.RELEASED)


def consume(payment):
    """The order is placed: Oscar's allocation now holds the stock, the reservation is done."""
    return _end(payment, StockReservation.State.CONSUMED)


def publish_holds(stockrecord_ids):
    """On commit, tell the storefront which of these stock records' products are held: every
    unit left in payments in progress, until the earliest of those holds expires."""
    ids = set(stockrecord_ids)
    if ids:
        transaction.on_commit(lambda: _publish(_stock_records().filter(pk__in=ids)))


def publish_all_holds():
    """Publish every held product (after a cache flush: ``manage.py mark_sold_out``)."""
    active = StockReservation.objects.filter(
        state=StockReservation.State.ACTIVE, expires_at__gt=timezone.now()
    )
    return _publish(_stock_records().filter(pk__in=active.values("stockrecord_id")))


def _stock_records():
    return get_model("partner", "StockRecord").objects.order_by()


def _publish(records):
    now = timezone.now()
    active = Q(reservations__state=StockReservation.State.ACTIVE, reservations__expires_at__gt=now)
    rows = records.annotate(
        held=Sum("reservations__quantity", filter=active),
        until=Min("reservations__expires_at", filter=active),
    ).values_list("product_id", "num_in_stock", "num_allocated", "held", "until")
    published = 0
    for product_id, stock, allocated, held, until in rows:
        full = bool(held) and stock is not None and stock - (allocated or 0) - held <= 0
        seconds = math.ceil((until - now).total_seconds()) if full else 0
        cache.record_hold(product_id, seconds)
        published += seconds > 0
    return published
