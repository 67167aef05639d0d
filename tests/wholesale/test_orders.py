"""Wholesale orders: placed once from a request's accepted quotes, paid by bank transfer in full
or as a deposit and a balance that add up to the total, each transfer confirmed by staff once."""

import datetime
import io
from decimal import Decimal

import pytest
from django.utils import translation
from pypdf import PdfReader

from tests.factories.catalogue import ProductFactory, SellerFactory
from tests.factories.users import UserFactory
from tests.factories.wholesale import company_member, offer_on
from tests.support.dates import today
from wholesale.models import Company, WholesaleOrder, WholesalePayment
from wholesale.orders import confirm_payment, place_order, split
from wholesale.quotes import QuoteError, accept_quote, answer_quote, ask_quote, decline_quote

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


@pytest.fixture
def buyer():
    return company_member(Company.VERIFIED, name="Concept Store Paris")


@pytest.fixture
def request_(buyer):
    """Two cooperatives asked: 40 rugs at 2,050.00 and 120 tagines at 149.50 MAD."""
    rugs = ProductFactory(stockrecord__seller=SellerFactory(name_latin="Coop Azilal"))
    tagines = ProductFactory(stockrecord__seller=SellerFactory(name_latin="Coop Safi"))
    offer_on(rugs, tiers=((10, "2400.00"),), minimum=10, case_pack=10)
    offer_on(tagines, tiers=((60, "180.00"),), minimum=60, case_pack=12)
    location = buyer.company_contact.company.locations.get()
    with translation.override("fr"):
        request = ask_quote(
            buyer,
            location,
            "FOB",
            today() + 60 * DAY,
            [(rugs.stockrecords.get(), 40), (tagines.stockrecords.get(), 120)],
        )
    for quote, price in zip(request.quotes.order_by("pk"), ("2050.00", "149.50"), strict=True):
        prices = {line.pk: Decimal(price) for line in quote.lines.all()}
        answer_quote(quote.pk, quote.seller, prices, 45, today() + 14 * DAY)
    return request


def accept_all(request, buyer):
    for quote in request.quotes.all():
        accept_quote(quote.pk, buyer)


@pytest.fixture
def staff():
    return UserFactory(is_staff=True)


def test_a_thirty_percent_deposit_and_the_balance_add_up_to_the_total():
    assert split(Decimal("100.01"), 30) == [
        ("deposit", Decimal("30.00")),
        ("balance", Decimal("70.01")),
    ]
    assert split(Decimal("100.05"), 30) == [
        ("deposit", Decimal("30.02")),
        ("balance", Decimal("70.03")),
    ]


def test_paying_in_full_is_one_payment_of_the_total():
    assert split(Decimal("99939.99"), 0) == [("full", Decimal("99939.99"))]


def test_the_order_totals_the_accepted_lines(request_, buyer):
    accept_all(request_, buyer)
    order = place_order(request_.pk, buyer, 30)
    assert order.total == Decimal("99940.00")  # 40 x 2,050.00 + 120 x 149.50
    deposit, balance = order.payments.order_by("pk")
    assert (deposit.kind, deposit.amount) == ("deposit", Decimal("29982.00"))
    assert (balance.kind, balance.amount) == ("balance", Decimal("69958.00"))


def test_a_declined_quote_stays_out_of_the_order(request_, buyer):
    rugs, tagines = request_.quotes.order_by("pk")
    accept_quote(rugs.pk, buyer)
    decline_quote(tagines.pk, buyer)
    assert place_order(request_.pk, buyer, 0).total == Decimal("82000.00")


def test_an_answer_still_undecided_blocks_the_order(request_, buyer):
    accept_quote(request_.quotes.order_by("pk").first().pk, buyer)
    with pytest.raises(QuoteError):
        place_order(request_.pk, buyer, 30)
    assert not WholesaleOrder.objects.exists()


def test_without_an_accepted_quote_there_is_no_order(request_, buyer):
    for quote in request_.quotes.all():
        decline_quote(quote.pk, buyer)
    with pytest.raises(QuoteError):
        place_order(request_.pk, buyer, 30)


def test_placing_twice_gives_one_order(client, request_, buyer):
    accept_all(request_, buyer)
    client.force_login(buyer)
    for _click in range(2):
        response = client.post(
            f"/fr/wholesale/requests/{request_.pk}/order/", {"deposit_percent": "30"}
        )
        assert response.status_code == 302
    order = WholesaleOrder.objects.get()
    assert response["Location"] == f"/fr/wholesale/orders/{order.pk}/"
    assert order.payments.count() == 2


def test_another_company_can_neither_order_nor_see_the_order(client, request_, buyer):
    accept_all(request_, buyer)
    order = place_order(request_.pk, buyer, 30)
    client.force_login(company_member(Company.VERIFIED, name="Other shop"))
    response = client.post(f"/en/wholesale/requests/{request_.pk}/order/", {"deposit_percent": "0"})
    assert response.status_code == 404
    assert client.get(f"/en/wholesale/orders/{order.pk}/").status_code == 404
    assert client.get(f"/en/wholesale/orders/{order.pk}/proforma.pdf").status_code == 404


def test_the_order_page_shows_what_to_transfer(client, request_, buyer):
    accept_all(request_, buyer)
    order = place_order(request_.pk, buyer, 30)
    client.force_login(buyer)
    html = client.get(f"/fr/wholesale/orders/{order.pk}/").content.decode()
    assert "Acompte" in html and "29\u202f982,00" in html and "69\u202f958,00" in html
    assert order.reference in html


def test_the_pro_forma_carries_the_lines_the_schedule_and_the_transfer_reference(
    client, request_, buyer, settings
):
    settings.PAYOUT_DEBTOR_RIB = "007780000123456789012345"
    accept_all(request_, buyer)
    order = place_order(request_.pk, buyer, 30)
    client.force_login(buyer)
    response = client.get(f"/fr/wholesale/orders/{order.pk}/proforma.pdf")
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    for expected in (
        "Facture pro forma",
        order.reference,
        "Coop Azilal",
        "Coop Safi",
        "Concept Store Paris",
        "007780000123456789012345",
        "FOB",
    ):
        assert expected in text, expected


def test_staff_confirm_the_deposit_then_the_balance(client, request_, buyer, staff):
    accept_all(request_, buyer)
    order = place_order(request_.pk, buyer, 30)
    deposit, balance = order.payments.order_by("pk")
    with pytest.raises(QuoteError):
        confirm_payment(balance.pk, staff)
    confirm_payment(deposit.pk, staff, "VIR-778")
    confirm_payment(balance.pk, staff)
    assert WholesalePayment.objects.filter(paid_at__isnull=True).count() == 0
    client.force_login(buyer)
    assert "Payée" in client.get(f"/fr/wholesale/orders/{order.pk}/").content.decode()


def test_a_transfer_confirmed_twice_is_recorded_once(client, request_, buyer, staff):
    accept_all(request_, buyer)
    deposit = place_order(request_.pk, buyer, 30).payments.get(kind="deposit")
    client.force_login(staff)
    url = f"/dashboard/wholesale/payments/{deposit.pk}/confirm/"
    client.post(url, {"bank_reference": "VIR-1"})
    first = WholesalePayment.objects.get(pk=deposit.pk).paid_at
    client.post(url, {"bank_reference": "VIR-2"})
    deposit.refresh_from_db()
    assert (deposit.paid_at, deposit.bank_reference, deposit.confirmed_by) == (
        first,
        "VIR-1",
        staff,
    )


def test_only_staff_confirm_transfers(client, request_, buyer):
    accept_all(request_, buyer)
    deposit = place_order(request_.pk, buyer, 30).payments.get(kind="deposit")
    client.force_login(buyer)
    response = client.post(f"/dashboard/wholesale/payments/{deposit.pk}/confirm/")
    assert response.status_code in (302, 403)
    deposit.refresh_from_db()
    assert deposit.paid_at is None


def test_the_staff_queue_lists_transfers_due(client, request_, buyer, staff):
    accept_all(request_, buyer)
    order = place_order(request_.pk, buyer, 30)
    client.force_login(staff)
    html = client.get("/dashboard/wholesale/payments/").content.decode()
    assert html.count(order.reference) == 2
