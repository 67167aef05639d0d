"""Paying a wholesale order's deposit and balance by card at Stripe (localstripe): the exact
amount in the buyer's currency, one intent and one charge whatever the clicks and tabs, recorded
once whatever the webhook deliveries, a declined card leaving the payment due."""

import datetime
import threading
from decimal import Decimal

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client

from marketplace.currency.models import ExchangeRate
from marketplace.currency.rates import current_rate
from marketplace.payments.gateway import stripe_client
from marketplace.payments.models import StripeEvent
from tests.factories.catalogue import ProductFactory, SellerFactory
from tests.factories.checkout import DECLINED_CARD, card_token
from tests.factories.users import UserFactory
from tests.factories.wholesale import company_member, offer_on
from tests.support.dates import today
from tests.support.payments import intent_event, signed_event
from wholesale.models import Company, WholesaleCardPayment, WholesalePayment
from wholesale.orders import confirm_payment, place_order
from wholesale.quotes import accept_quote, answer_quote, ask_quote

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)
WEBHOOK = "/payments/stripe/webhook/"


@pytest.fixture
def buyer():
    return company_member(Company.VERIFIED, name="Concept Store Paris")


@pytest.fixture
def order(buyer, stripe_api):
    """24 tagines at 150.00 MAD: 3,600.00 MAD, a 30% deposit of 1,080.00 and 2,520.00 after."""
    tagines = ProductFactory(stockrecord__seller=SellerFactory(name_latin="Coop Safi"))
    offer_on(tagines, tiers=((12, "180.00"),), minimum=12, case_pack=12)
    location = buyer.company_contact.company.locations.get()
    request = ask_quote(
        buyer, location, "DAP", today() + 30 * DAY, [(tagines.stockrecords.get(), 24)]
    )
    quote = request.quotes.get()
    answer_quote(
        quote.pk, quote.seller, {quote.lines.get().pk: Decimal("150.00")}, 20, today() + 9 * DAY
    )
    accept_quote(quote.pk, buyer)
    return place_order(request.pk, buyer, 30)


@pytest.fixture
def eur_client(client, buyer):
    client.force_login(buyer)
    client.cookies["currency"] = "EUR"
    return client


def due(order, kind):
    return order.payments.get(kind=kind)


def in_euros(amount_mad):
    rate = current_rate("EUR")
    return (Decimal(amount_mad) * rate.rate).quantize(Decimal("0.01"))


def shown(amount_mad):
    return f"EUR:{int(in_euros(amount_mad) * 100)}"


def pay(client, payment, card="4242424242424242", language="en", charge=None):
    data = {"charge": charge or shown(payment.amount)}
    if card:
        data["payment_method"] = card_token(card)
    url = f"/{language}/wholesale/orders/{payment.order_id}/payments/{payment.pk}/card/"
    return client.post(url, data)


def intents_of(payment):
    """Every intent localstripe holds for ``payment``, read page by page: a whole test run
    leaves far more than one page of intents behind."""
    listed = stripe_client().v1.payment_intents.list(params={"limit": 100})
    return [
        intent
        for intent in listed.auto_paging_iter()
        if intent.metadata.to_dict().get("wholesale_payment") == str(payment.pk)
    ]


def charges_of(intent):
    """How many charges localstripe holds for ``intent``, read page by page."""
    listed = stripe_client().v1.charges.list(params={"limit": 100})
    return sum(1 for charge in listed.auto_paging_iter() if charge.payment_intent == intent.id)


def post_event(client, payload):
    body, signature = signed_event(payload, settings.STRIPE_WEBHOOK_SECRET)
    return client.post(
        WEBHOOK, body, content_type="application/json", HTTP_STRIPE_SIGNATURE=signature
    )


def confirm_at_stripe(attempt, card="4242424242424242"):
    client = stripe_client()
    client.v1.payment_intents.update(
        attempt.stripe_payment_intent, params={"payment_method": card_token(card)}
    )
    return client.v1.payment_intents.confirm(attempt.stripe_payment_intent)


def test_the_deposit_paid_by_card_starts_production(eur_client, order):
    deposit = due(order, "deposit")
    response = pay(eur_client, deposit)
    assert response.status_code == 200 and response.json()["status"] == "succeeded"
    deposit.refresh_from_db()
    assert deposit.paid_at is not None
    attempt = deposit.card_payments.get()
    assert (attempt.currency, attempt.amount) == ("EUR", in_euros("1080.00"))
    (intent,) = intents_of(deposit)
    assert (intent.amount, intent.currency) == (int(in_euros("1080.00") * 100), "eur")
    page = eur_client.get(eur_client.get(response.json()["return_url"]).url).content.decode()
    assert "In production: balance due before shipment" in page and "Paid by card on" in page


def test_staff_see_which_payments_came_by_card(client, eur_client, order):
    pay(eur_client, due(order, "deposit"))
    client.force_login(UserFactory(is_staff=True))
    html = client.get("/dashboard/wholesale/payments/?paid=1").content.decode()
    assert "Card (Stripe)" in html and order.reference in html


def test_the_balance_paid_by_card_after_the_deposit_pays_the_order(eur_client, order):
    pay(eur_client, due(order, "deposit"))
    balance = due(order, "balance")
    assert pay(eur_client, balance).json()["status"] == "succeeded"
    assert not WholesalePayment.objects.filter(paid_at__isnull=True).exists()
    html = eur_client.get(f"/fr/wholesale/orders/{order.pk}/").content.decode()
    assert "Payée" in html and 'data-testid="card-payment"' not in html


def test_the_balance_is_refused_while_the_deposit_is_due(eur_client, order):
    balance = due(order, "balance")
    response = pay(eur_client, balance, language="fr")
    assert response.status_code == 409
    assert "acompte" in response.json()["error"]
    assert not WholesaleCardPayment.objects.exists() and intents_of(balance) == []
    html = eur_client.get(f"/en/wholesale/orders/{order.pk}/").content.decode()
    assert f"/payments/{due(order, 'deposit').pk}/card/" in html
    assert f"/payments/{balance.pk}/card/" not in html


def test_a_double_submit_creates_one_intent_and_one_charge(eur_client, order):
    deposit = due(order, "deposit")
    first = pay(eur_client, deposit)
    second = pay(eur_client, deposit)
    assert first.json()["status"] == second.json()["status"] == "succeeded"
    assert deposit.card_payments.count() == 1
    (intent,) = intents_of(deposit)
    assert charges_of(intent) == 1


def test_two_tabs_share_one_intent(eur_client, order):
    deposit = due(order, "deposit")
    first = pay(eur_client, deposit, card=None).json()
    second = pay(eur_client, deposit, card=None).json()
    assert first["client_secret"] == second["client_secret"]
    assert len(intents_of(deposit)) == 1


def test_the_webhook_delivered_twice_records_the_payment_once(client, eur_client, order):
    deposit = due(order, "deposit")
    pay(eur_client, deposit, card=None)
    attempt = deposit.card_payments.get()
    confirm_at_stripe(attempt)
    event = intent_event("evt_w1", "payment_intent.succeeded", attempt.stripe_payment_intent)
    assert post_event(client, event).content == b"ok"
    deposit.refresh_from_db()
    paid_at = deposit.paid_at
    assert paid_at is not None
    assert post_event(client, event).content == b"already processed"
    resent = intent_event("evt_w2", "payment_intent.succeeded", attempt.stripe_payment_intent)
    assert post_event(client, resent).content == b"ok"
    deposit.refresh_from_db()
    assert deposit.paid_at == paid_at
    assert StripeEvent.objects.filter(event_id="evt_w1").count() == 1


def test_the_buyer_returning_records_a_payment_the_webhook_has_not(eur_client, order):
    deposit = due(order, "deposit")
    data = pay(eur_client, deposit, card=None).json()
    confirm_at_stripe(deposit.card_payments.get())
    response = eur_client.get(data["return_url"])
    assert response.status_code == 302 and response.url == f"/en/wholesale/orders/{order.pk}/"
    deposit.refresh_from_db()
    assert deposit.paid_at is not None


def test_a_declined_card_leaves_the_payment_due_and_says_so_in_french(eur_client, order):
    deposit = due(order, "deposit")
    response = pay(eur_client, deposit, card=DECLINED_CARD, language="fr")
    assert response.status_code == 402
    assert "refusée" in response.json()["error"]
    deposit.refresh_from_db()
    assert deposit.paid_at is None
    assert deposit.card_payments.get().status == "failed"
    assert pay(eur_client, deposit).json()["status"] == "succeeded"
    deposit.refresh_from_db()
    assert deposit.paid_at is not None


def test_a_card_asking_for_3d_secure_keeps_its_one_intent_until_done(eur_client, order):
    deposit = due(order, "deposit")
    first = pay(eur_client, deposit, card="4000000000003220").json()
    second = pay(eur_client, deposit).json()
    assert first["status"] == second["status"] == "requires_action"
    assert first["client_secret"] == second["client_secret"]
    assert len(intents_of(deposit)) == 1
    deposit.refresh_from_db()
    assert deposit.paid_at is None


def test_an_amount_the_page_did_not_show_is_not_charged(eur_client, order):
    deposit = due(order, "deposit")
    response = pay(eur_client, deposit, charge="EUR:1")
    assert response.status_code == 409
    assert intents_of(deposit) == [] and deposit.card_payments.count() == 0


def test_a_payment_received_by_transfer_is_not_charged_by_card(eur_client, order):
    deposit = due(order, "deposit")
    confirm_payment(deposit.pk, UserFactory(is_staff=True))
    response = pay(eur_client, deposit, card=None)
    assert response.json()["status"] == "succeeded"
    assert intents_of(deposit) == []


def test_another_company_cannot_pay_the_order(client, order):
    client.force_login(company_member(Company.VERIFIED, name="Other shop"))
    response = pay(client, due(order, "deposit"))
    assert response.status_code == 404
    assert not WholesaleCardPayment.objects.exists()


def test_a_card_charge_for_a_payment_received_meanwhile_is_refunded(client, eur_client, order):
    deposit = due(order, "deposit")
    pay(eur_client, deposit, card=None)
    attempt = deposit.card_payments.get()
    confirm_payment(deposit.pk, UserFactory(is_staff=True), "VIR-1")
    confirm_at_stripe(attempt)
    event = intent_event("evt_r1", "payment_intent.succeeded", attempt.stripe_payment_intent)
    post_event(client, event)
    attempt.refresh_from_db()
    assert attempt.status == "refunded"
    refunds = stripe_client().v1.refunds.list(
        params={"payment_intent": attempt.stripe_payment_intent}
    )
    assert sum(int(refund.amount) for refund in refunds.data) == int(in_euros("1080.00") * 100)
    deposit.refresh_from_db()
    assert deposit.bank_reference == "VIR-1"


def test_an_unpaid_intent_at_an_old_rate_is_replaced_at_the_new_one(eur_client, order):
    deposit = due(order, "deposit")
    pay(eur_client, deposit, card=None)
    euro = ExchangeRate.objects.get(currency="EUR")
    euro.rate *= 2
    euro.save()  # bumps the rates' cache version
    response = pay(eur_client, deposit)
    assert response.json()["status"] == "succeeded"
    old, new = deposit.card_payments.order_by("pk")
    assert (old.status, new.status) == ("canceled", "succeeded")
    assert new.amount == in_euros("1080.00")
    assert stripe_client().v1.payment_intents.retrieve(old.stripe_payment_intent).status == (
        "canceled"
    )


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_tabs_paying_the_deposit_at_the_same_moment_charge_it_once(buyer, order):
    """Five tabs of the buyer's browser post their cards at once: the payment row's lock lets
    one charge, the others find it paid."""
    tabs = 5
    clients = [Client() for _ in range(tabs)]
    for tab in clients:
        tab.force_login(buyer)
        tab.cookies["currency"] = "EUR"
    deposit = due(order, "deposit")
    cards = [card_token() for _ in range(tabs)]
    barrier = threading.Barrier(tabs)
    responses = [None] * tabs
    url = f"/en/wholesale/orders/{order.pk}/payments/{deposit.pk}/card/"

    def click(index):
        try:
            barrier.wait()
            responses[index] = clients[index].post(
                url, {"charge": shown(deposit.amount), "payment_method": cards[index]}
            )
        finally:
            connection.close()

    threads = [threading.Thread(target=click, args=(i,)) for i in range(tabs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)

    assert [response.json()["status"] for response in responses] == ["succeeded"] * tabs
    assert deposit.card_payments.count() == 1
    (intent,) = intents_of(deposit)
    assert charges_of(intent) == 1


def test_stripe_unreachable_charges_nothing_and_the_next_try_pays(eur_client, order, settings):
    deposit = due(order, "deposit")
    reachable = settings.STRIPE_API_BASE
    settings.STRIPE_API_BASE = "http://127.0.0.1:9"  # nothing listens there
    response = pay(eur_client, deposit, card=None)
    assert response.status_code == 409
    assert "nothing was charged" in response.json()["error"]
    settings.STRIPE_API_BASE = reachable
    assert pay(eur_client, deposit).json()["status"] == "succeeded"
    assert sorted(deposit.card_payments.values_list("status", flat=True)) == [
        "canceled",
        "succeeded",
    ]
