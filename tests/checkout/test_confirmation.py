"""The thank-you page and the buyer's confirmation email list each parcel (seller, service,
delivery estimate), the duties paid now (DDP) or estimated on delivery (DAP), every amount in
the buyer's currency at the rate locked on the order, and the total charged beside its MAD
amount with the rate and its date."""

from decimal import Decimal

import pytest
from babel.numbers import format_currency
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from oscar.core.loading import get_model

from marketplace.core import formats
from marketplace.currency.money import convert_from_mad
from marketplace.payments.confirmation import order_confirmation
from tests.factories.checkout import address_in, rug_and_lantern, start_payment, walk_to_preview

Order = get_model("order", "Order")
Parcel = get_model("fulfilment", "Parcel")
pytestmark = pytest.mark.django_db


def choose(client, incoterm, prefer="fastest", language="en"):
    client.post(f"/{language}/checkout/shipping-method/", {"prefer": prefer})
    client.post(f"/{language}/checkout/shipping-method/", {"incoterm": incoterm})


def buy(client, country="US", incoterm="DDP", currency="USD", language="en", capture=None):
    client.cookies["currency"] = currency
    walk_to_preview(client, rug_and_lantern(), address=address_in(country), language=language)
    choose(client, incoterm, language=language)
    response = start_payment(client, language=language)
    assert response.status_code == 200, response.content
    if capture is None:
        client.get(response.json()["return_url"])
    else:
        with capture(execute=True):
            client.get(response.json()["return_url"])
    return Order.objects.get()


def thank_you(client, language="en"):
    response = client.get(f"/{language}/checkout/thank-you/")
    assert response.status_code == 200
    return response.content.decode()


def test_thank_you_lists_each_parcel_with_its_seller_service_and_delivery_estimate(
    client, stripe_api
):
    order = buy(client)
    html = thank_you(client)
    assert html.count('data-testid="confirmed-parcel"') == 2
    assert "From Atelier Marrakech" in html and "From Dinanderie Fès" in html
    for parcel in Parcel.objects.filter(order=order).select_related("service"):
        service = parcel.service
        low, high = 3 + service.transit_days_min, 3 + service.transit_days_max
        assert f"{service.name},\n            delivered in {low}–{high} days" in html


def test_thank_you_shows_the_ddp_duties_paid_now_per_parcel_and_in_total(client, stripe_api):
    order = buy(client)
    html = thank_you(client)
    rate = order.checkout_payment.rate
    assert html.count('data-testid="paid-now"') == 2
    for duty in ("240.00", "41.70"):  # rug and lantern duties (HS 5701, 9405), in dollars
        dollars = convert_from_mad(Decimal(duty), "USD", rate).amount
        assert formats.format_money(dollars, "USD") in html
    assert 'data-testid="paid-now-duties"' in html
    assert order.surcharge_incl_tax == Decimal("281.70")
    assert 'data-testid="duties-on-delivery"' not in html


def test_thank_you_shows_the_dap_estimate_as_not_charged(client, stripe_api):
    order = buy(client, country="CA", incoterm="DAP", currency="CAD")
    html = thank_you(client)
    estimate = sum(p.duties_on_delivery for p in Parcel.objects.filter(order=order))
    assert estimate > 0
    assert html.count('data-testid="paid-on-delivery"') == 2
    assert 'data-testid="duties-on-delivery"' in html and "not charged now" in html
    assert 'data-testid="paid-now-duties"' not in html


def test_thank_you_shows_both_amounts_with_the_locked_rate_and_its_date(client, stripe_api):
    order = buy(client)
    payment = order.checkout_payment
    html = thank_you(client)
    assert f"{formats.format_number(order.total_incl_tax, decimals=2)}\u00a0MAD" in html
    assert format_currency(payment.amount, "USD", locale="en") in html
    rate = f"{payment.rate:.6f}"
    day = formats.format_date(payment.rate_date, "en")  # CLDR: "4 Dec 2026", never "04/12/2026"
    assert f"1 MAD = {rate} USD, rate of {day}" in html


def test_a_buyer_paying_in_mad_sees_no_second_amount(client, stripe_api):
    buy(client, currency="MAD")
    assert 'data-testid="charge"' not in thank_you(client)


def test_the_confirmation_email_lists_the_parcels_duties_and_both_amounts_in_french(
    client, stripe_api, django_capture_on_commit_callbacks
):
    order = buy(client, language="fr", currency="EUR", capture=django_capture_on_commit_callbacks)
    payment = order.checkout_payment
    body = next(m for m in mail.outbox if m.to == ["claire@example.com"]).body
    assert "De Atelier Marrakech" in body and "De Dinanderie Fès" in body
    assert body.count("Droits et taxes payés maintenant (DDP)") == 2
    assert "livré en" in body
    amount = formats.format_money(payment.amount, "EUR", "fr")  # French decimals
    assert f"Total débité en EUR: {amount}" in body
    assert f"taux du {formats.format_date(payment.rate_date, 'fr')}" in body


def test_the_confirmation_email_gives_the_dap_estimate(
    client, stripe_api, django_capture_on_commit_callbacks
):
    buy(
        client,
        country="CA",
        incoterm="DAP",
        currency="CAD",
        capture=django_capture_on_commit_callbacks,
    )
    body = next(m for m in mail.outbox if m.to == ["claire@example.com"]).body
    parcels = body.split("From ")[1:]
    assert len(parcels) == 2
    for parcel in parcels:  # each of the parcel's duty and tax lines, as an estimate
        assert "(estimate, paid on delivery)" in parcel
    assert "Paid later, to the carrier on delivery" in body
    assert "Duties and taxes collected now" not in body


def test_the_confirmation_reads_a_fixed_number_of_queries_whatever_the_parcels(client, stripe_api):
    order = buy(client)
    with CaptureQueriesContext(connection) as two_parcels:
        confirmation = order_confirmation(order)
        [(p.service.carrier.name if p.service else "") for p in confirmation.parcels]
    Parcel.objects.filter(order=order).first().delete()
    with CaptureQueriesContext(connection) as one_parcel:
        confirmation = order_confirmation(order)
        [(p.service.carrier.name if p.service else "") for p in confirmation.parcels]
    assert len(two_parcels) == len(one_parcel)
