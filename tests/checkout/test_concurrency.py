"""Buyers racing for one unique piece: exactly one order, the others told and not charged.
One buyer clicking "pay" in many tabs at once: one charge, one order."""

import threading
from http.cookies import SimpleCookie

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import translation
from oscar.core.loading import get_model

from marketplace.payments.models import CheckoutPayment
from tests.factories.catalogue import ProductFactory
from tests.factories.checkout import (
    CountryFactory,
    card_token,
    rate_lock_on_preview,
    start_payment,
    unique_piece,
    walk_to_preview,
)
from tests.support.payments import charges_kept

Order = get_model("order", "Order")
BUYERS = 5


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_checkouts_of_one_unique_piece_place_exactly_one_order(stripe_api):
    CountryFactory()
    piece = unique_piece()
    clients = [Client() for _ in range(BUYERS)]
    for number, client in enumerate(clients):
        client.cookies["currency"] = "EUR"
        walk_to_preview(client, [piece], email=f"buyer{number}@example.com")
    barrier = threading.Barrier(BUYERS)
    responses = [None] * BUYERS

    def checkout(index):
        try:
            barrier.wait()
            responses[index] = start_payment(clients[index])
            if responses[index].status_code == 200:
                clients[index].get(responses[index].json()["return_url"])
        finally:
            connection.close()

    threads = [threading.Thread(target=checkout, args=(i,)) for i in range(BUYERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)

    statuses = sorted(response.status_code for response in responses)
    assert statuses == [200] + [409] * (BUYERS - 1)
    for response in responses:
        if response.status_code == 409:
            assert "reserved or sold to another buyer" in response.json()["error"]
    assert Order.objects.count() == 1
    assert CheckoutPayment.objects.count() == 1  # the others never reached Stripe: no charge
    record = piece.stockrecords.get()
    assert record.num_allocated == 1


def start_url():
    with translation.override("en"):
        return reverse("checkout:payment-start")


def same_session(client):
    """Another tab of the buyer's browser: the same session and basket cookies."""
    tab = Client(raise_request_exception=False)
    tab.cookies = SimpleCookie({name: morsel.value for name, morsel in client.cookies.items()})
    return tab


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("clicks", [2, 10])
def test_concurrent_starts_from_one_session_keep_one_charge_and_place_one_order(stripe_api, clicks):
    CountryFactory()
    rug = ProductFactory(stockrecord__num_in_stock=clicks * 2)  # stock never refuses a start
    buyer = Client()
    buyer.cookies["currency"] = "EUR"
    walk_to_preview(buyer, [rug])
    rate_lock = rate_lock_on_preview(buyer)
    tabs = [same_session(buyer) for _ in range(clicks)]
    cards = [card_token() for _ in range(clicks)]
    started, all_started = threading.Barrier(clicks), threading.Barrier(clicks)
    responses = [None] * clicks

    def pay(index):
        try:
            started.wait()
            responses[index] = tabs[index].post(
                start_url(), {"rate_lock": rate_lock, "payment_method": cards[index]}
            )
            all_started.wait()
            if responses[index].status_code == 200:
                tabs[index].get(responses[index].json()["return_url"])
        finally:
            connection.close()

    threads = [threading.Thread(target=pay, args=(i,)) for i in range(clicks)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)

    kept = charges_kept(CheckoutPayment.objects.all())
    orders = Order.objects.count()
    assert (kept, orders) == (1, 1), f"{clicks} clicks: {kept} charges kept, {orders} orders"
    statuses = sorted(response.status_code for response in responses)
    assert statuses == [200] + [409] * (clicks - 1)
    for response in responses:
        if response.status_code == 409:
            assert response.json()["payment"]["status"] in ("pending", "succeeded")
