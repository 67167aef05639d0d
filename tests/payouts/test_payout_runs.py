"""Payout runs: available entries grouped per seller, the bank batch (CSV and ISO 20022
pain.001.001.03, checked against the schema), reconciliation, and who sees what."""

import csv
import io
from decimal import Decimal
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone
from lxml import etree

from sellers.payouts.models import LedgerEntry, Payout, PayoutRun
from sellers.payouts.services import balance, credit_shipped_line, debit_refund
from tests.factories.catalogue import SellerFactory
from tests.factories.orders import add_line, order_for, product_of
from tests.factories.tracking import RIBS
from tests.factories.users import member_of

pytestmark = pytest.mark.django_db

SCHEMA = Path(__file__).resolve().parent.parent / "data" / "pain.001.001.03.xsd"
NS = {"p": "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"}


@pytest.fixture(autouse=True)
def _rules(settings):
    settings.MARKETPLACE_COMMISSION_RATE = "0.12"
    settings.PAYOUT_DEBTOR_RIB = "011780000012345678901296"
    settings.PAYOUT_DEBTOR_BIC = "BMCEMAMC"


def available_credit(seller, price):
    line = add_line(order_for(), product_of(seller), price=Decimal(price))
    entry = credit_shipped_line(line)
    LedgerEntry.objects.filter(pk=entry.pk).update(released_at=timezone.now())
    return line


@pytest.fixture
def sellers():
    first = SellerFactory(name="Atelier Tazi", rib=RIBS[0], bank_name="Bank of Africa")
    second = SellerFactory(name="Coopérative Amal", rib=RIBS[1], bank_name="Attijariwafa bank")
    return first, second


@pytest.fixture
def staff(client):
    user = get_user_model().objects.create_user("staff", "staff@example.com", "x", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="add_payoutrun"))
    client.force_login(user)
    return client


def create_run(client):
    date = timezone.localdate().isoformat()
    return client.post(reverse("payouts-dashboard:runs"), {"execution_date": date})


def test_a_batch_with_two_sellers_is_created_exported_and_reconciled(staff, sellers):
    first, second = sellers
    available_credit(first, "1000.00")
    refunded = available_credit(first, "500.00")
    debit_refund(refunded, Decimal("100.00"), "re_1")
    available_credit(second, "250.00")
    held = credit_shipped_line(add_line(order_for(), product_of(second), price=Decimal("99")))

    response = create_run(staff)
    run = PayoutRun.objects.get()
    assert response.status_code == 302
    page = staff.get(reverse("payouts-dashboard:run", args=[run.pk])).content.decode()
    assert all(payout.reference in page for payout in run.payouts.all())
    amounts = dict(run.payouts.values_list("seller", "amount"))
    assert amounts == {first.pk: Decimal("1232.00"), second.pk: Decimal("220.00")}
    assert run.total == Decimal("1452.00")
    assert LedgerEntry.objects.get(pk=held.pk).payout is None

    rows = list(
        csv.DictReader(
            io.StringIO(
                staff.get(reverse("payouts-dashboard:run-csv", args=[run.pk])).content.decode()
            )
        )
    )
    assert [(r["rib"], r["amount"], r["currency"]) for r in rows] == [
        (RIBS[0], "1232.00", "MAD"),
        (RIBS[1], "220.00", "MAD"),
    ]

    paid = reverse("payouts-dashboard:run-paid", args=[run.pk])
    staff.post(paid)
    run.refresh_from_db()
    stamp = run.paid_at
    staff.post(paid)
    run.refresh_from_db()
    assert run.paid_at == stamp
    assert not run.payouts.filter(paid_at__isnull=True).exists()
    assert balance(first)["paid_out"] == Decimal("1232.00")
    assert balance(first)["total"] == Decimal("0.00")
    assert balance(second)["pending"] == Decimal("87.12")


def test_the_pain001_file_validates_against_the_iso_20022_schema(staff, sellers):
    for seller in sellers:
        available_credit(seller, "1000.00")
    create_run(staff)
    run = PayoutRun.objects.get()
    response = staff.get(reverse("payouts-dashboard:run-pain001", args=[run.pk]))
    schema = etree.XMLSchema(etree.parse(str(SCHEMA)))
    document = etree.fromstring(response.content)
    schema.assertValid(document)
    assert document.findtext(".//p:GrpHdr/p:NbOfTxs", namespaces=NS) == "2"
    assert document.findtext(".//p:GrpHdr/p:CtrlSum", namespaces=NS) == "1760.00"
    creditors = document.findall(".//p:CdtrAcct/p:Id/p:Othr/p:Id", namespaces=NS)
    assert [c.text for c in creditors] == RIBS
    amounts = document.findall(".//p:InstdAmt", namespaces=NS)
    assert {a.get("Ccy") for a in amounts} == {"MAD"}


def test_a_second_run_finds_nothing_left_to_pay(staff, sellers):
    available_credit(sellers[0], "100.00")
    create_run(staff)
    create_run(staff)
    assert PayoutRun.objects.count() == 1
    assert Payout.objects.count() == 1


def test_a_seller_without_a_valid_rib_is_left_out_and_shown(staff, sellers):
    no_rib = SellerFactory(name="Atelier sans RIB", rib="")
    available_credit(no_rib, "100.00")
    available_credit(sellers[0], "100.00")
    page = staff.get(reverse("payouts-dashboard:runs"))
    assert [s for s, _ in page.context["blocked"]] == [no_rib]
    create_run(staff)
    assert list(Payout.objects.values_list("seller", flat=True)) == [sellers[0].pk]
    assert balance(no_rib)["available"] == Decimal("88.00")


@pytest.mark.parametrize("who", ["seller", "staff without the permission"])
def test_the_payout_pages_are_for_staff_who_may_pay_sellers(client, sellers, who):
    available_credit(sellers[0], "100.00")
    if who == "seller":
        user = member_of(sellers[0])
    else:
        user = get_user_model().objects.create_user("clerk", "c@example.com", "x", is_staff=True)
    client.force_login(user)
    assert client.get(reverse("payouts-dashboard:runs")).status_code == 302
    assert create_run(client).status_code == 302
    assert not PayoutRun.objects.exists()


def test_a_seller_sees_its_own_payouts_in_the_seller_space(client, staff, sellers):
    first, second = sellers
    available_credit(first, "1000.00")
    available_credit(second, "500.00")
    create_run(staff)
    client.force_login(member_of(first))
    response = client.get(reverse("seller_space:payouts"))
    assert [p.seller_id for p in response.context["payouts"]] == [first.pk]
    mine, theirs = Payout.objects.get(seller=first), Payout.objects.get(seller=second)
    html = response.content.decode()
    assert mine.reference in html and theirs.reference not in html
    assert response.context["balance"]["in_payment"] == Decimal("880.00")


@pytest.mark.parametrize("language", ["ar", "fr", "es"])
def test_the_seller_payouts_page_renders_in_each_language(client, staff, sellers, language):
    available_credit(sellers[0], "1000.00")
    create_run(staff)
    client.force_login(member_of(sellers[0]))
    assert client.get(f"/{language}/my-shop/payouts/").status_code == 200


def test_the_dashboard_menu_links_to_the_payout_pages(client):
    admin = get_user_model().objects.create_superuser("boss", "boss@example.com", "x")
    client.force_login(admin)
    page = client.get("/dashboard/").content.decode()
    assert reverse("payouts-dashboard:runs") in page
