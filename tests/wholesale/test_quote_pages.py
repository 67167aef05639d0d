"""Quotes through the pages: a Paris concept store asks two cooperatives for rugs and tagines
from the product pages, each answers in its seller space, the store accepts one and declines
the other. Only the company's contacts and the quote's seller reach them."""

import datetime
import re
from decimal import Decimal

import pytest
from django.utils import timezone

from tests.factories.catalogue import ProductFactory, SellerFactory
from tests.factories.users import UserFactory, member_of
from tests.factories.wholesale import company_member, offer_on
from wholesale.models import Company, SellerQuote

pytestmark = pytest.mark.django_db
WANTED = (timezone.localdate() + datetime.timedelta(days=60)).isoformat()


@pytest.fixture
def listings():
    azilal, safi = SellerFactory(name="Coop Azilal"), SellerFactory(name="Coop Safi")
    rugs = ProductFactory(stockrecord__seller=azilal, title_en="Azilal rug")
    tagines = ProductFactory(stockrecord__seller=safi, title_en="Safi tagine")
    offer_on(rugs, tiers=((10, "2400.00"), (40, "2100.00")), minimum=10, case_pack=10)
    offer_on(tagines, tiers=((60, "180.00"), (120, "150.00")), minimum=60, case_pack=12)
    return rugs, tagines


def add(client, product, quantity):
    record = product.stockrecords.get()
    return client.post(
        "/fr/wholesale/quotes/add/", {"stockrecord": record.pk, "quantity": quantity}
    )


def test_a_concept_store_asks_two_cooperatives_and_decides(client, listings):
    rugs, tagines = listings
    buyer = company_member(Company.VERIFIED)
    client.force_login(buyer)
    page = client.get(rugs.get_absolute_url()).content.decode()
    assert 'action="/en/wholesale/quotes/add/"' in page
    add(client, rugs, 40)
    add(client, tagines, 120)
    location = buyer.company_contact.company.locations.get()
    response = client.post(
        "/fr/wholesale/quotes/new/",
        {"destination": location.pk, "incoterm": "DAP", "target_date": WANTED},
    )
    assert response.status_code == 302
    rug_quote, tagine_quote = SellerQuote.objects.order_by("seller__name")
    assert [line.quantity for line in rug_quote.lines.all()] == [40]

    for quote, price in ((rug_quote, "2 050,00"), (tagine_quote, "149,50")):
        seller_client = type(client)()
        seller_client.force_login(member_of(quote.seller))
        form = seller_client.get(f"/fr/my-shop/quotes/{quote.pk}/").content.decode()
        assert f"{quote.lines.get().quantity} ×" in form
        line = quote.lines.get()
        answered = seller_client.post(
            f"/fr/my-shop/quotes/{quote.pk}/",
            {f"price_{line.pk}": price, "lead_time_days": "45", "valid_until": WANTED},
        )
        assert answered.status_code == 302
    assert rug_quote.lines.get().unit_price == Decimal("2050.00")

    client.post(f"/fr/wholesale/quotes/{rug_quote.pk}/accept/")
    client.post(f"/fr/wholesale/quotes/{tagine_quote.pk}/decline/")
    rug_quote.refresh_from_db()
    tagine_quote.refresh_from_db()
    assert (rug_quote.status, tagine_quote.status) == ("accepted", "declined")


def test_the_seller_is_offered_the_tier_price_of_the_quantity(client, listings):
    rugs, _tagines = listings
    buyer = company_member(Company.VERIFIED)
    client.force_login(buyer)
    add(client, rugs, 40)
    location = buyer.company_contact.company.locations.get()
    client.post(
        "/en/wholesale/quotes/new/",
        {"destination": location.pk, "incoterm": "FOB", "target_date": WANTED},
    )
    quote = SellerQuote.objects.get()
    client.force_login(member_of(quote.seller))
    page = client.get(f"/en/my-shop/quotes/{quote.pk}/").content.decode()
    assert re.search(r"name=\"price_\d+\" value=\"([^\"]*)\"", page).group(1) == "2,100"


def test_a_quantity_below_the_minimum_is_not_added(client, listings):
    rugs, _tagines = listings
    client.force_login(company_member(Company.VERIFIED))
    response = add(client, rugs, 9)
    assert response["Location"].endswith(rugs.get_absolute_url()[3:])
    assert "wholesale:quote_draft" not in client.session


@pytest.mark.parametrize("status", [None, Company.PENDING, Company.REFUSED])
def test_only_verified_companies_reach_the_quote_pages(client, listings, status):
    rugs, _tagines = listings
    client.force_login(UserFactory() if status is None else company_member(status))
    assert add(client, rugs, 40).status_code == 403
    assert client.get("/en/wholesale/quotes/new/").status_code == 403


def test_a_seller_reaches_only_its_own_quotes(client, listings):
    rugs, tagines = listings
    buyer = company_member(Company.VERIFIED)
    client.force_login(buyer)
    add(client, rugs, 40)
    location = buyer.company_contact.company.locations.get()
    client.post(
        "/en/wholesale/quotes/new/",
        {"destination": location.pk, "incoterm": "FOB", "target_date": WANTED},
    )
    quote = SellerQuote.objects.get()
    client.force_login(member_of(tagines.stockrecords.get().partner))
    assert client.get(f"/en/my-shop/quotes/{quote.pk}/").status_code == 404
    assert "Azilal" not in client.get("/en/my-shop/quotes/").content.decode()


def test_another_company_cannot_decide_on_a_quote(client, listings):
    rugs, _tagines = listings
    buyer = company_member(Company.VERIFIED)
    client.force_login(buyer)
    add(client, rugs, 40)
    location = buyer.company_contact.company.locations.get()
    client.post(
        "/en/wholesale/quotes/new/",
        {"destination": location.pk, "incoterm": "FOB", "target_date": WANTED},
    )
    quote = SellerQuote.objects.get()
    client.force_login(company_member(Company.VERIFIED))
    assert client.post(f"/en/wholesale/quotes/{quote.pk}/decline/").status_code == 404
    quote.refresh_from_db()
    assert quote.status == SellerQuote.ASKED


def test_a_hidden_piece_cannot_be_added_or_quoted(client, listings):
    rugs, _tagines = listings
    rugs.is_public = False
    rugs.save()
    buyer = company_member(Company.VERIFIED)
    client.force_login(buyer)
    assert add(client, rugs, 40).status_code == 404
    location = buyer.company_contact.company.locations.get()
    from wholesale.quotes import QuoteError, ask_quote

    with pytest.raises(QuoteError):
        ask_quote(
            buyer,
            location,
            "FOB",
            timezone.localdate() + datetime.timedelta(days=9),
            [(rugs.stockrecords.get(), 40)],
        )
