"""The bench's write mix: real orders and seller price edits at a steady rate, against the bench
database, while `run.py` loads the pages.

    python bench/writes.py --kind orders --rate 5 --seconds 600
    python bench/writes.py --kind prices --rate 5 --seconds 600

Run by `run.py` (in the bench environment: DATABASE_URL, REDIS_URL, settings). Each write goes
through the services production uses, in its own transaction:

- ``orders``: a guest basket of one purchasable piece shipped to France, priced by the one
  pricing function (``price_order``), its ``CheckoutPayment`` recorded and its stock reserved
  as ``payments.service.start_payment`` does (without the Stripe call: nothing leaves the
  machine), then the order placed by ``payments.placement.place_order_once``, as the return from
  Stripe or its webhook does: Oscar allocates the stock, the parcels are created, the
  reservation is consumed.
- ``prices``: a seller's price edit through ``sellers.space.services.save_stockrecord`` (the
  seller space's listing form), inside ``deferred_reindex`` like ``save_listing``: the price
  moves by one dirham up or down.

Writes are paced at ``--rate`` per second (a late write does not make the next ones faster).
On SIGTERM or when ``--seconds`` is over it prints one line ``BENCH_JSON {...}`` with the count
of writes done, failed and their mean duration.
"""

import argparse
import json
import os
import random
import signal
import sys
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "marketplace.settings")

import django  # noqa: E402

django.setup()

from django.db import transaction  # noqa: E402
from oscar.core.loading import get_class, get_model  # noqa: E402

from catalog.search.signals import deferred_reindex  # noqa: E402
from marketplace.checkout.views import shipping_address_data  # noqa: E402
from marketplace.currency.rates import current_rate  # noqa: E402
from marketplace.payments import reservations  # noqa: E402
from marketplace.payments.models import CheckoutPayment  # noqa: E402
from marketplace.payments.placement import place_order_once, shipping_method_for  # noqa: E402
from marketplace.payments.pricing import price_order  # noqa: E402
from sellers.space.services import save_stockrecord  # noqa: E402
from shipping.selection import ShippingSelection  # noqa: E402

Basket = get_model("basket", "Basket")
Country = get_model("address", "Country")
Product = get_model("catalogue", "Product")
ShippingAddress = get_model("order", "ShippingAddress")
StockRecord = get_model("partner", "StockRecord")
OrderNumberGenerator = get_class("order.utils", "OrderNumberGenerator")
Selector = get_class("partner.strategy", "Selector")
POOL = 5000


def france():
    country, _created = Country.objects.get_or_create(
        iso_3166_1_a2="FR",
        defaults={
            "iso_3166_1_a3": "FRA",
            "iso_3166_1_numeric": "250",
            "name": "France",
            "printable_name": "France",
            "is_shipping_country": True,
        },
    )
    return country


def place_order(product_id, country):
    """One order of one piece, placed as a paid checkout is; False if it could not be."""
    basket = Basket.objects.create()
    basket.strategy = Selector().strategy()
    basket.add_product(Product.objects.get(pk=product_id), 1)
    address = ShippingAddress(
        first_name="Bench",
        last_name="Buyer",
        line1="12 rue des Arts",
        line4="Lyon",
        postcode="69001",
        country=country,
    )
    selection = ShippingSelection(prefer="cheapest").frozen()
    try:
        method = shipping_method_for(basket, "parcels", address, selection)
    except LookupError:
        return False
    priced = price_order(basket, method)
    rate = current_rate("EUR")
    try:
        with transaction.atomic():
            payment = CheckoutPayment.objects.create(
                basket=basket,
                order_number=OrderNumberGenerator().order_number(basket),
                email="bench.buyer@example.com",
                language="en",
                shipping_address=shipping_address_data(address),
                shipping_method_code=method.code,
                shipping_selection=selection.as_json(),
                shipping_mad=priced.shipping_charge.incl_tax,
                total_mad=priced.total.incl_tax,
                currency="MAD",
                rate=rate.rate if rate else Decimal("1"),
                rate_date=rate.date if rate else None,
                amount=priced.total.incl_tax,
            )
            reservations.reserve_basket(payment, basket)
            basket.freeze()
    except reservations.PieceUnavailable:
        return False
    return place_order_once(payment.pk) is not None


def edit_price(record_id):
    """A seller moves a price by one dirham, through the seller space's service."""
    with transaction.atomic(), deferred_reindex():
        record = StockRecord.objects.select_related("partner", "product").get(pk=record_id)
        step = Decimal("1") if random.random() < 0.5 or record.price <= 10 else Decimal("-1")
        data = {
            "price": record.price + step,
            "num_in_stock": record.num_in_stock,
            "sku": record.partner_sku,
        }
        save_stockrecord(record.partner, record.product, data, creating=False)
    return True


def pools():
    """Products with stock to order (repeatable pieces first), and stock records to reprice."""
    purchasable = Product.objects.purchasable().order_by("-is_unique_piece", "?")
    products = list(purchasable.values_list("pk", flat=True)[:POOL])
    records = list(
        StockRecord.objects.filter(product__in=Product.objects.sellable())
        .order_by("?")
        .values_list("pk", flat=True)[:POOL]
    )
    return products, records


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--kind", choices=("orders", "prices"), required=True)
    parser.add_argument("--rate", type=float, required=True, help="writes per second")
    parser.add_argument("--seconds", type=float, default=3600)
    args = parser.parse_args()
    stopping = []
    signal.signal(signal.SIGTERM, lambda *_: stopping.append(True))
    products, records = pools()
    country = france()
    done = failed = 0
    busy = 0.0
    interval = 1 / args.rate
    started = time.monotonic()
    next_at = started
    print("BENCH_READY", flush=True)
    while not stopping and time.monotonic() - started < args.seconds:
        now = time.monotonic()
        if now < next_at:
            time.sleep(min(next_at - now, 0.2))
            continue
        next_at = max(next_at + interval, now)
        began = time.monotonic()
        try:
            if args.kind == "orders":
                ok = place_order(random.choice(products), country)
            else:
                ok = edit_price(random.choice(records))
        except Exception as error:  # noqa: BLE001 (counted and reported, the mix goes on)
            print(f"[writes] {args.kind}: {error!r}", file=sys.stderr, flush=True)
            ok = False
        busy += time.monotonic() - began
        done, failed = done + ok, failed + (not ok)
    elapsed = time.monotonic() - started
    summary = {
        "kind": args.kind,
        "rate": args.rate,
        "done": done,
        "failed": failed,
        "seconds": round(elapsed, 1),
        "per_second": round(done / elapsed, 2) if elapsed else 0,
        "mean_ms": round(1000 * busy / max(done + failed, 1), 1),
    }
    print("BENCH_JSON " + json.dumps(summary), flush=True)


if __name__ == "__main__":
    main()
