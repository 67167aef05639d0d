"""Ledger and fulfilment writes hold under concurrent requests (PostgreSQL row locks)."""

import threading
from decimal import Decimal

import pytest
from django.db import connection
from oscar.core.loading import get_model

from sellers.fulfilment.models import Parcel
from sellers.fulfilment.parcels import parcel_for
from sellers.fulfilment.services import advance, ship
from sellers.payouts.models import LedgerEntry
from sellers.payouts.services import LedgerError, credit_delivered_line, debit_refund
from sellers.space.import_jobs import run_job
from sellers.space.models import ImportJob
from tests.factories.catalogue import SellerFactory, rug_craft
from tests.factories.orders import order_for, product_of
from tests.factories.shipping import ServiceFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

StockRecord = get_model("partner", "StockRecord")


def run_together(target, count=4):
    """Run ``target`` in ``count`` threads at once; return what each returned or raised."""
    barrier, results = threading.Barrier(count), []

    def worker():
        try:
            barrier.wait()
            results.append(target())
        except Exception as error:  # collected for the assertion
            results.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def test_concurrent_credits_of_one_line_write_one_entry():
    order = order_for(product_of(SellerFactory()))
    line = order.lines.get()
    results = run_together(lambda: credit_delivered_line(line))
    assert all(isinstance(result, LedgerEntry) for result in results), results
    assert LedgerEntry.objects.count() == 1


def test_concurrent_refunds_never_exceed_the_line():
    order = order_for(product_of(SellerFactory(), stockrecord__price=Decimal("100.00")))
    line = order.lines.get()
    counter = iter(range(100))
    results = run_together(lambda: debit_refund(line, Decimal("60.00"), f"re_{next(counter)}"))
    assert sum(isinstance(result, LedgerEntry) for result in results) == 1
    assert sum(isinstance(result, LedgerError) for result in results) == 3
    assert LedgerEntry.objects.count() == 1


def test_concurrent_deliveries_credit_once():
    seller = SellerFactory()
    fulfilment = parcel_for(order_for(product_of(seller)), seller)
    advance(fulfilment, Parcel.Status.IN_PREPARATION)
    ship(fulfilment, ServiceFactory().code, "JD01460000")
    run_together(lambda: advance(fulfilment, Parcel.Status.DELIVERED))
    assert LedgerEntry.objects.count() == 1
    assert fulfilment.events.filter(to_status="delivered").count() == 1


def test_an_import_delivered_to_four_workers_at_once_applies_each_row_once():
    rug_craft()
    seller = SellerFactory()
    rows = "".join(f"S{n},Tapis,rugs,900,1,3\n" for n in range(6))
    job = ImportJob.objects.create(
        seller=seller,
        language="en",
        csv_text="sku,title_fr,craft,price_mad,stock,weight_kg\n" + rows,
        rows_total=6,
    )
    results = run_together(lambda: run_job(job.pk))
    assert results == [None] * 4
    job.refresh_from_db()
    assert (job.state, job.rows_done, job.rows.count()) == ("done", 6, 6)
    records = StockRecord.objects.filter(partner=seller)
    assert sorted(records.values_list("partner_sku", flat=True)) == [f"S{n}" for n in range(6)]
