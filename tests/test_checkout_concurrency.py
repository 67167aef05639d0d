"""Buyers racing for one unique piece: exactly one order, the others told and not charged."""

import threading

import pytest
from django.db import connection
from django.test import Client
from oscar.core.loading import get_model

from marketplace.payments.models import CheckoutPayment
from tests.factories_checkout import CountryFactory, start_payment, unique_piece, walk_to_preview

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
