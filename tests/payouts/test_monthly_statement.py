"""The seller's monthly statement as a PDF, in the seller's language, its own entries only."""

import io
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from sellers.payouts.services import credit_shipped_line
from tests.factories.catalogue import SellerFactory
from tests.factories.orders import add_line, order_for, product_of
from tests.factories.users import member_of

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _rules(settings):
    settings.MARKETPLACE_COMMISSION_RATE = "0.12"


def credit(seller, price):
    return credit_shipped_line(add_line(order_for(), product_of(seller), price=Decimal(price)))


def statement(client, month):
    return client.get(reverse("seller_space:statement-pdf"), {"month": month})


def text_of(response):
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)


def test_the_statement_is_a_pdf_in_the_sellers_language_with_its_own_entries(client):
    seller = SellerFactory(preferred_language="fr")
    mine = credit(seller, "1000.00")
    theirs = credit(SellerFactory(), "500.00")
    client.force_login(member_of(seller))
    response = statement(client, f"{timezone.localdate():%Y-%m}")
    assert response["Content-Type"] == "application/pdf"
    text = text_of(response)
    assert "Relevé" in text
    assert mine.order_number in text and theirs.order_number not in text
    assert "880,00" in text


@pytest.mark.parametrize("month", ["", "2026-13", "nope", "2999-01"])
def test_a_bad_or_future_month_is_404(client, month):
    client.force_login(member_of(SellerFactory()))
    assert statement(client, month).status_code == 404


@pytest.mark.parametrize(("language", "title"), [("es", "Extracto"), ("ar", "")])
def test_the_statement_renders_in_spanish_and_arabic(client, language, title):
    seller = SellerFactory(preferred_language=language)
    credit(seller, "100.00")
    client.force_login(member_of(seller))
    response = statement(client, f"{timezone.localdate():%Y-%m}")
    assert response.content.startswith(b"%PDF")
    if title:  # pypdf's extraction of right-to-left Arabic is not reliable enough to compare
        assert title in text_of(response)
