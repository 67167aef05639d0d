"""Checkouts that ship abroad, through the real views and paid at localstripe over HTTP:
a service per seller's parcel, duties and taxes paid now (DDP) or estimated (DAP), the
parcels created with the order, and the destination rules enforced at checkout."""

from decimal import Decimal

import pytest
from django.core import mail
from oscar.core.loading import get_model

from marketplace.payments.gateway import stripe_client
from marketplace.payments.models import CheckoutPayment
from marketplace.payments.placement import place_order_once
from tests.factories.catalogue import ProductFactory
from tests.factories.checkout import (
    address_in,
    country,
    rate_lock_on_preview,
    rug_and_lantern,
    start_payment,
    walk_to_preview,
)
from tests.factories.shipping import RateFactory, ZoneFactory
from tests.factories.users import UserFactory

Order = get_model("order", "Order")
Parcel = get_model("fulfilment", "Parcel")
pytestmark = pytest.mark.django_db
CENT = Decimal("0.01")


@pytest.fixture
def pieces():
    return rug_and_lantern()


def fastest_for_all(client, incoterm="DDP"):
    client.post("/en/checkout/shipping-method/", {"prefer": "fastest"})
    return client.post("/en/checkout/shipping-method/", {"incoterm": incoterm}, follow=True)


def pay_and_return(client):
    response = start_payment(client)
    assert response.status_code == 200, response.content
    client.get(response.json()["return_url"])
    return Order.objects.get()


def test_the_seller_email_says_where_how_and_who_pays_the_duties(
    client, stripe_api, pieces, django_capture_on_commit_callbacks
):
    seller = pieces[0].stockrecords.get().partner
    seller.preferred_language = "en"
    seller.save()
    seller.users.add(UserFactory(email="atelier@example.ma"))
    walk_to_preview(client, pieces, address=address_in("US"))
    fastest_for_all(client)
    with django_capture_on_commit_callbacks(execute=True):
        pay_and_return(client)
    body = next(message.body for message in mail.outbox if message.to == ["atelier@example.ma"])
    assert "Destination: United States" in body
    service = Parcel.objects.get(partner=seller).service
    assert f"Service chosen by the buyer: {service.carrier.name}, {service.name}" in body
    assert "Duties paid at checkout (DDP)" in body


def parcels_by_seller(summary):
    return {parcel.plan.partner.name: parcel for parcel in summary.parcels}


def test_us_ddp_shows_each_parcel_with_its_service_delivery_estimate_and_duties(
    client, stripe_api, pieces
):
    walk_to_preview(client, pieces, address=address_in("US"))
    response = fastest_for_all(client)
    by_seller = parcels_by_seller(response.context["shipping_summary"])
    assert set(by_seller) == {"Atelier Marrakech", "Dinanderie Fès"}
    for parcel in by_seller.values():
        assert parcel.quote.service.code == "dhl-express" and parcel.incoterm == "DDP"
        assert parcel.quote.delivery_days_min == 3 + parcel.quote.service.transit_days_min
    html = response.content.decode()
    assert html.count('data-testid="parcel-service"') == 2
    assert html.count('data-testid="duty-now"') == 2
    assert "Customs duty on Brass lantern (HS 9405, 13.9%)" in html


def test_us_ddp_charges_duties_line_by_line_and_records_the_parcels(client, stripe_api, pieces):
    walk_to_preview(client, pieces, address=address_in("US"))
    fastest_for_all(client)
    order = pay_and_return(client)
    duties = {charge.name: charge.incl_tax for charge in order.surcharges.all()}
    assert duties == {
        "Atelier Marrakech: Customs duty on Beni Ouarain rug (HS 5701, 10%)": Decimal("240.00"),
        "Dinanderie Fès: Customs duty on Brass lantern (HS 9405, 13.9%)": Decimal("41.70"),
    }
    parcels = {parcel.partner.name: parcel for parcel in Parcel.objects.filter(order=order)}
    assert {p.service.code for p in parcels.values()} == {"dhl-express"}
    assert {p.incoterm for p in parcels.values()} == {"DDP"}
    assert parcels["Atelier Marrakech"].duties_at_checkout == Decimal("240.00")
    assert parcels["Dinanderie Fès"].duties_at_checkout == Decimal("41.70")
    place_order_once(order.checkout_payment.pk)  # the webhook coming second
    assert Parcel.objects.filter(order=order).count() == 2
    shipping = sum(p.shipping_charge for p in parcels.values())
    assert order.shipping_incl_tax == shipping
    assert order.total_incl_tax == Decimal("2700.00") + shipping + Decimal("281.70")


def test_the_intent_the_payment_and_the_order_agree_in_mad_and_in_the_buyer_currency(
    client, stripe_api, pieces
):
    client.cookies["currency"] = "USD"
    walk_to_preview(client, pieces, address=address_in("US"))
    fastest_for_all(client)
    order = pay_and_return(client)
    payment = order.checkout_payment
    assert payment.total_mad == order.total_incl_tax
    assert payment.currency == "USD"
    assert payment.amount == (order.total_incl_tax * payment.rate).quantize(CENT)
    intent = stripe_client().v1.payment_intents.retrieve(payment.stripe_payment_intent)
    assert intent.amount == payment.charged.minor_units and intent.currency == "usd"


def test_france_ddp_charges_the_flat_eu_duty_and_vat_at_checkout(client, stripe_api, pieces):
    walk_to_preview(client, pieces, address=address_in("FR"))
    fastest_for_all(client)
    order = pay_and_return(client)
    parcels = {parcel.partner.name: parcel for parcel in Parcel.objects.filter(order=order)}
    lantern = parcels["Dinanderie Fès"]  # 300 MAD: under EUR 150, flat duty, VAT through IOSS
    flat_duty = (Decimal("3") / Decimal("0.0925")).quantize(CENT)
    vat = ((Decimal("300") + lantern.shipping_charge + flat_duty) * Decimal("0.20")).quantize(CENT)
    rug = parcels["Atelier Marrakech"]  # above EUR 150: Moroccan origin duty-free, VAT (DDP)
    rug_vat = ((Decimal("2400") + rug.shipping_charge) * Decimal("0.20")).quantize(CENT)
    duties = {charge.name: charge.incl_tax for charge in order.surcharges.all()}
    assert duties == {
        "Dinanderie Fès: Customs duty: 3.00 EUR × 1 item type": flat_duty,
        "Dinanderie Fès: VAT 20%": vat,
        "Atelier Marrakech: VAT 20%": rug_vat,
    }
    assert lantern.duties_at_checkout == flat_duty + vat and lantern.incoterm == "DDP"
    assert rug.duties_at_checkout == rug_vat and rug.duties_on_delivery == 0
    assert order.checkout_payment.total_mad == (
        Decimal("2700.00") + order.shipping_incl_tax + flat_duty + vat + rug_vat
    )


def test_canada_dap_shows_the_estimate_and_does_not_charge_it(client, stripe_api, pieces):
    walk_to_preview(client, pieces, address=address_in("CA"))
    response = fastest_for_all(client, incoterm="DAP")
    summary = response.context["shipping_summary"]
    assert summary.duties_and_taxes_at_checkout == 0
    assert summary.duties_and_taxes_on_delivery > 0
    html = response.content.decode()
    assert 'data-testid="duty-on-delivery"' in html and 'data-testid="duty-now"' not in html
    assert 'data-testid="duties-on-delivery"' in html
    order = pay_and_return(client)
    assert not order.surcharges.exists()
    assert order.total_incl_tax == Decimal("2700.00") + order.shipping_incl_tax
    parcels = Parcel.objects.filter(order=order)
    assert {p.incoterm for p in parcels} == {"DAP"}
    assert sum(p.duties_on_delivery for p in parcels) == summary.duties_and_taxes_on_delivery


def test_postal_service_falls_back_to_dap_even_when_ddp_is_asked(client, stripe_api, pieces):
    walk_to_preview(client, pieces, address=address_in("US"))
    response = client.post("/en/checkout/shipping-method/", {"incoterm": "DDP"}, follow=True)
    summary = response.context["shipping_summary"]
    assert all(not p.quote.ddp_available and p.incoterm == "DAP" for p in summary.parcels)
    assert response.context["surcharges"] is None


def test_the_buyer_picks_a_service_for_one_parcel(client, stripe_api, pieces):
    rug, _lantern = pieces
    seller = rug.stockrecords.get().partner
    walk_to_preview(client, pieces, address=address_in("US"))
    response = client.post(
        "/en/checkout/shipping-method/",
        {"incoterm": "DDP", f"service_{seller.pk}": "aramex-priority"},
        follow=True,
    )
    by_seller = parcels_by_seller(response.context["shipping_summary"])
    assert by_seller["Atelier Marrakech"].quote.service.code == "aramex-priority"
    assert by_seller["Dinanderie Fès"].quote.cheapest


def test_a_service_that_does_not_reach_the_country_is_refused(client, stripe_api, pieces):
    rug, _lantern = pieces
    seller = rug.stockrecords.get().partner
    japan_only = RateFactory(zone=ZoneFactory(countries="JP")).service
    walk_to_preview(client, pieces, address=address_in("US"))
    response = client.post(
        "/en/checkout/shipping-method/",
        {"incoterm": "DDP", f"service_{seller.pk}": japan_only.code},
    )
    assert response.status_code == 200
    assert "This service does not deliver the parcel from Atelier Marrakech to United States" in (
        response.content.decode()
    )


def test_a_piece_the_destination_rules_keep_out_is_refused_at_checkout(client, stripe_api):
    box = ProductFactory(title_en="Thuya box", hs_code="4420")  # wood to the US: Lacey Act
    client.cookies["country"] = "FR"
    country("US")
    client.post(f"/en/basket/add/{box.pk}/", {"quantity": 1})
    client.post("/en/checkout/", {"username": "claire@example.com", "options": "anonymous"})
    client.post("/en/checkout/shipping-address/", address_in("US"))
    response = client.get("/en/checkout/shipping-method/", follow=True)
    assert response.redirect_chain[-1][0].endswith("/basket/")
    html = response.content.decode()
    assert "Thuya box cannot ship to United States" in html
    assert "Lacey Act" in html


def test_payment_start_refuses_a_piece_the_destination_rules_keep_out(client, stripe_api, pieces):
    from django.urls import reverse

    walk_to_preview(client, pieces, address=address_in("US"))
    rate_lock = rate_lock_on_preview(client)
    rug, _lantern = pieces
    rug.hs_code = "4420"  # now wood: the US asks for a Lacey Act declaration
    rug.save()
    response = client.post(reverse("checkout:payment-start"), {"rate_lock": rate_lock})
    assert response.status_code == 409
    assert "needs a verified Lacey Act declaration" in response.json()["error"]
    assert not CheckoutPayment.objects.exists()


def test_the_arabic_shipping_step_reads_right_to_left(client, stripe_api, pieces):
    walk_to_preview(client, pieces, address=address_in("US"), language="ar")
    html = client.get("/ar/checkout/shipping-method/").content.decode()
    assert 'dir="rtl"' in html
    assert "الأرخص لجميع الطرود" in html and html.count('data-testid="parcel"') == 2


def test_a_parcel_no_service_can_carry_stops_the_shipping_step(client, stripe_api):
    """Each 20 kg chest reaches France alone (``shipping.reach``); together, one seller's 40 kg
    parcel is above every bracket."""
    chest = ProductFactory(title_en="Cedar chest", weight_kg=Decimal("20"))
    seller = chest.stockrecords.get().partner
    other = ProductFactory(
        title_en="Thuya chest", weight_kg=Decimal("20"), stockrecord__seller=seller
    )
    client.cookies["country"] = "FR"
    client.post(f"/en/basket/add/{chest.pk}/", {"quantity": 1})
    client.post(f"/en/basket/add/{other.pk}/", {"quantity": 1})
    client.post("/en/checkout/", {"username": "claire@example.com", "options": "anonymous"})
    client.post("/en/checkout/shipping-address/", address_in("FR"))
    response = client.post("/en/checkout/shipping-method/", {"incoterm": "DDP"})
    assert response.status_code == 200
    seller = chest.stockrecords.get().partner.name
    assert f"No service we offer can carry the parcel from {seller} to France." in (
        response.content.decode()
    )
    assert client.get("/en/checkout/preview/").status_code == 302
