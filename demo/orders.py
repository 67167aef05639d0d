"""Demo orders for the seller space: paid checkouts of the demo sellers' pieces, one per
fulfilment state (paid, in preparation, shipped with tracking, delivered).

Each order is placed through Oscar's ``OrderCreator`` from a real basket, so the order-placed
signal opens the sellers' fulfilments, and its parcels are priced by the shipping repository
like a buyer's checkout; the states are reached through the fulfilment services, so delivered
lines credit the payout ledger. An order whose email is a demo login's (the buyer's) belongs to
that account, the others are guest orders. Idempotent: an order whose number exists is left
alone.
"""

from django.contrib.auth import get_user_model
from django.utils import timezone
from oscar.core.loading import get_class, get_model

from demo.accounts import BUYER
from marketplace.currency.rates import current_rate
from marketplace.payments.models import CheckoutPayment
from marketplace.payments.placement import create_order_parcels, shipping_method_for
from marketplace.payments.pricing import price_order
from sellers.fulfilment.models import Parcel
from sellers.fulfilment.parcels import parcel_for
from sellers.fulfilment.services import advance, record_carrier_event, ship
from sellers.fulfilment.tracking.events import TrackingEvent
from shipping.models import Service
from shipping.selection import ShippingSelection

OrderCreator = get_class("order.utils", "OrderCreator")
Selector = get_class("partner.strategy", "Selector")

DEMO_SELLERS = ("maalem-driss-tazi", "cooperative-tamounte")
Status = Parcel.Status

# number, buyer, country, currency, language, incoterm, state reached by both sellers
DEMO_ORDERS = [
    ("DEMO-1001", ("Claire", "Martin", "claire.martin@example.com"), "FR", "EUR", "fr", "DDP",
     Status.PAID),
    ("DEMO-1002", ("Emily", "Carter", "emily.carter@example.com"), "US", "USD", "en", "DDP",
     Status.IN_PREPARATION),
    ("DEMO-1003", (*BUYER.name, BUYER.email), "CA", "CAD", "fr", "DAP", Status.SHIPPED),
    ("DEMO-1004", ("Oliver", "Hughes", "oliver.hughes@example.com"), "GB", "GBP", "en", "DDP",
     Status.DELIVERED),
    ("DEMO-1005", ("Lucía", "García", "lucia.garcia@example.com"), "ES", "EUR", "es", "DDP",
     Status.DELIVERED),
]  # fmt: skip

COUNTRIES = {
    "FR": ("FRA", "250", "France", ("12 rue des Arts", "Lyon", "69001")),
    "US": ("USA", "840", "United States", ("12 Harbor Street", "Boston", "02110")),
    "CA": ("CAN", "124", "Canada", ("350 Rue Saint-Paul", "Montréal", "H2Y 1H2")),
    "GB": ("GBR", "826", "United Kingdom", ("8 Portobello Road", "London", "W11 3DA")),
    "ES": ("ESP", "724", "Spain", ("Calle de Serrano 41", "Madrid", "28001")),
}


def seed_orders():
    """Place the demo orders that are missing; returns the new orders."""
    Partner = get_model("partner", "Partner")
    sellers = list(Partner.objects.filter(slug__in=DEMO_SELLERS).order_by("slug"))
    if len(sellers) != len(DEMO_SELLERS):
        return []
    Order = get_model("order", "Order")
    placed = []
    for index, spec in enumerate(DEMO_ORDERS):
        if Order.objects.filter(number=spec[0]).exists():
            continue
        pieces = {seller: _demo_piece(seller, index) for seller in sellers}
        pieces = {seller: piece for seller, piece in pieces.items() if piece is not None}
        if not pieces:
            continue
        order = _place(spec, list(pieces.values()))
        for seller in pieces:
            _reach(order, seller, spec[6])
        placed.append(order)
    return placed


def _demo_piece(seller, index):
    """A piece of ``seller`` still in stock: a made-to-order piece when the seller has one
    (turn by turn), else one of its unique pieces, which the order then sells."""
    Product = get_model("catalogue", "Product")
    pieces = [
        product
        for product in Product.objects.sellable()
        .filter(stockrecords__partner=seller)
        .prefetch_related("stockrecords")
        .order_by("pk")
        if _in_stock(product, seller)
    ]
    repeatable = [piece for piece in pieces if not piece.is_unique_piece]
    if repeatable:
        return repeatable[index % len(repeatable)]
    return pieces[0] if pieces else None


def _in_stock(product, seller):
    records = [r for r in product.stockrecords.all() if r.partner_id == seller.pk]
    return bool(records) and (records[0].net_stock_level or 0) > 0


def _country(code):
    Country = get_model("address", "Country")
    a3, numeric, name, _street = COUNTRIES[code]
    country, _created = Country.objects.get_or_create(
        iso_3166_1_a2=code,
        defaults={
            "iso_3166_1_a3": a3,
            "iso_3166_1_numeric": numeric,
            "name": name,
            "printable_name": name,
            "is_shipping_country": True,
        },
    )
    return country


def _place(spec, products):
    number, (first, last, email), code, currency, language, incoterm, _state = spec
    Basket = get_model("basket", "Basket")
    ShippingAddress = get_model("order", "ShippingAddress")
    buyer = get_user_model().objects.filter(email=email).first()  # else a guest checkout
    basket = Basket.objects.create(owner=buyer)
    basket.strategy = Selector().strategy()
    for product in products:
        basket.add_product(product, 1)
    line1, city, postcode = COUNTRIES[code][3]
    address = ShippingAddress(
        first_name=first,
        last_name=last,
        line1=line1,
        line4=city,
        postcode=postcode,
        country=_country(code),
    )
    prefer = "fastest" if incoterm == "DDP" else "cheapest"  # couriers collect duties
    selection = ShippingSelection(prefer=prefer, incoterm=incoterm).frozen()
    method = shipping_method_for(basket, "parcels", address, selection)
    priced = price_order(basket, method)
    address.save()
    order = OrderCreator().place_order(
        basket=basket,
        total=priced.total,
        shipping_method=method,
        shipping_charge=priced.shipping_charge,
        surcharges=priced.surcharges,
        shipping_address=address,
        user=buyer,
        order_number=number,
        guest_email="" if buyer else email,
    )
    create_order_parcels(order, selection, getattr(priced.shipping_charge, "summary", None))
    basket.submit()
    _record_payment(order, basket, spec, method, selection)
    return order


def _record_payment(order, basket, spec, method, selection):
    """The paid checkout behind the order, as Stripe would have charged it."""
    number, (_first, _last, email), _code, currency, language, _term, _state = spec
    rate = current_rate(currency) or current_rate("MAD")
    charged = rate.convert(order.total_incl_tax)
    CheckoutPayment.objects.create(
        basket=basket,
        order=order,
        order_number=number,
        email=email,
        language=language,
        shipping_address={},
        shipping_method_code=method.code,
        shipping_selection=selection.as_json(),
        shipping_mad=order.shipping_incl_tax,
        total_mad=order.total_incl_tax,
        currency=charged.currency,
        rate=rate.rate,
        rate_date=rate.date,
        amount=charged.amount,
        status=CheckoutPayment.Status.SUCCEEDED,
    )


def _reach(order, seller, state):
    """Walk the seller's parcel of ``order`` up to ``state``, as the seller would."""
    parcel = parcel_for(order, seller)
    if state == Status.PAID:
        return
    parcel = advance(parcel, Status.IN_PREPARATION)
    if state == Status.IN_PREPARATION:
        return
    if parcel.awaits_packing_check:
        parcel.checked_by = seller.users.order_by("pk").first()
        parcel.checked_at = timezone.now()
        parcel.save(update_fields=["checked_by", "checked_at"])
    service = parcel.service or Service.objects.filter(is_active=True).order_by("pk").first()
    tracking = f"DM{order.number[-4:]}{seller.pk:04d}MA"
    parcel = ship(parcel, service.code, tracking)
    if state == Status.DELIVERED:
        # Delivered as the carrier's tracking reports it: that starts the payout hold.
        event = TrackingEvent(
            tracking_number=tracking,
            event_id=f"demo-{order.number}-{seller.pk}",
            status=TrackingEvent.DELIVERED,
            occurred_at=timezone.now(),
            description="Delivered",
        )
        record_carrier_event(parcel, service.carrier.code, event)
