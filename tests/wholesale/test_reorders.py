"""Order again: a company's past request becomes an editable draft to the same sellers, checked
against today's offers (MOQ, case pack), pieces no longer offered left out with the reason."""

import datetime
import re
from decimal import Decimal

import pytest

from tests.factories.catalogue import ProductFactory, SellerFactory
from tests.factories.wholesale import company_member, offer_on
from tests.support.dates import today
from wholesale import rules
from wholesale.models import Company, QuoteRequest, WholesaleOffer
from wholesale.orders import place_order
from wholesale.quotes import accept_quote, answer_quote, ask_quote, decline_quote

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


@pytest.fixture
def buyer():
    return company_member(Company.VERIFIED, name="Concept Store Paris")


@pytest.fixture
def pieces():
    rugs = ProductFactory(
        title_en="Azilal rug", stockrecord__seller=SellerFactory(name_latin="Coop Azilal")
    )
    tagines = ProductFactory(
        title_en="Safi tagine", stockrecord__seller=SellerFactory(name_latin="Coop Safi")
    )
    offer_on(rugs, tiers=((10, "2400.00"),), minimum=10, case_pack=10)
    offer_on(tagines, tiers=((60, "180.00"),), minimum=60, case_pack=12)
    return rugs, tagines


def answered(buyer, pieces, quantities=(40, 120)):
    location = buyer.company_contact.company.locations.get()
    items = [
        (piece.stockrecords.get(), quantity)
        for piece, quantity in zip(pieces, quantities, strict=True)
    ]
    request = ask_quote(buyer, location, "FOB", today() + 60 * DAY, items)
    for quote in request.quotes.all():
        prices = {line.pk: Decimal("100.00") for line in quote.lines.all()}
        answer_quote(quote.pk, quote.seller, prices, 30, today() + 14 * DAY)
    return request


@pytest.fixture
def ordered(buyer, pieces):
    request = answered(buyer, pieces)
    for quote in request.quotes.all():
        accept_quote(quote.pk, buyer)
    place_order(request.pk, buyer, 30)
    return request


@pytest.fixture
def signed_in(client, buyer):
    client.force_login(buyer)
    return client


def order_again(client, request, language="en"):
    return client.post(f"/{language}/wholesale/requests/{request.pk}/reorder/")


def test_order_again_drafts_the_same_pieces_and_quantities(signed_in, ordered, pieces):
    response = order_again(signed_in, ordered)
    assert response.status_code == 302 and response.url == "/en/wholesale/quotes/new/"
    html = signed_in.get(response.url).content.decode()
    rugs, tagines = (piece.stockrecords.get() for piece in pieces)
    assert 'value="40"' in html and 'value="120"' in html
    assert f'data-testid="draft-line-{rugs.pk}"' in html
    assert f'data-testid="draft-line-{tagines.pk}"' in html
    assert 'value="FOB" selected' in html


def test_sending_the_edited_draft_asks_the_same_sellers_anew(signed_in, ordered, pieces):
    order_again(signed_in, ordered)
    rugs, tagines = (piece.stockrecords.get() for piece in pieces)
    location = ordered.destination
    response = signed_in.post(
        "/en/wholesale/quotes/new/",
        {
            "destination": location.pk,
            "incoterm": "DAP",
            "target_date": (today() + 40 * DAY).isoformat(),
            f"quantity_{rugs.pk}": "50",
            f"quantity_{tagines.pk}": "0",
        },
    )
    assert response.status_code == 302
    new = QuoteRequest.objects.exclude(pk=ordered.pk).get()
    (quote,) = new.quotes.all()
    assert quote.seller == rugs.partner
    assert [(line.stockrecord, line.quantity) for line in quote.lines.all()] == [(rugs, 50)]
    assert not hasattr(new, "order") or new.order is None


def test_an_edited_quantity_off_the_case_pack_is_refused(signed_in, ordered, pieces):
    order_again(signed_in, ordered)
    rugs, tagines = (piece.stockrecords.get() for piece in pieces)
    response = signed_in.post(
        "/en/wholesale/quotes/new/",
        {
            "destination": ordered.destination.pk,
            "incoterm": "FOB",
            "target_date": (today() + 40 * DAY).isoformat(),
            f"quantity_{rugs.pk}": "45",
        },
    )
    assert response.status_code == 200
    assert "Order in cases of 10 pieces." in response.content.decode()
    assert QuoteRequest.objects.count() == 1


def test_a_raised_minimum_and_case_pack_round_the_quantity_up_and_say_why(
    signed_in, ordered, pieces
):
    tagines = pieces[1].stockrecords.get()
    WholesaleOffer.objects.filter(stockrecord=tagines).update(minimum_quantity=144, case_pack=24)
    order_again(signed_in, ordered)
    html = signed_in.get("/en/wholesale/quotes/new/").content.decode()
    assert 'value="144"' in html
    assert "Was 120 pieces last time:" in html and "The minimum order is 144 pieces." in html


def test_the_draft_shows_today_s_tier_price_for_each_quantity(signed_in, ordered, pieces):
    offer = WholesaleOffer.objects.get(stockrecord=pieces[1].stockrecords.get())
    offer.tiers.create(min_quantity=120, unit_price=Decimal("155.00"))
    order_again(signed_in, ordered)
    html = signed_in.get("/en/wholesale/quotes/new/").content.decode()
    cells = re.findall(r'data-testid="tier-price">([^<]*)<', html)
    prices = [re.sub(r"[^\d.,]", "", cell) for cell in cells]
    assert prices == ["2,400.00", "155.00"]  # 40 rugs; 120 tagines at the new 120+ tier


def test_a_withdrawn_offer_is_left_out_with_the_reason(signed_in, ordered, pieces):
    rugs, tagines = (piece.stockrecords.get() for piece in pieces)
    WholesaleOffer.objects.filter(stockrecord=rugs).delete()
    order_again(signed_in, ordered)
    html = signed_in.get("/en/wholesale/quotes/new/").content.decode()
    assert f'data-testid="draft-line-{rugs.pk}"' not in html
    assert f'data-testid="draft-line-{tagines.pk}"' in html
    assert "Azilal rug" in html and "The seller no longer sells this piece wholesale." in html


def test_a_hidden_listing_is_left_out_as_not_on_sale(signed_in, ordered, pieces):
    rugs = pieces[0]
    rugs.is_public = False
    rugs.save()
    order_again(signed_in, ordered)
    html = signed_in.get("/en/wholesale/quotes/new/").content.decode()
    assert f'data-testid="draft-line-{rugs.stockrecords.get().pk}"' not in html
    assert "This piece is not on sale at the moment." in html


def test_accepted_quotes_not_yet_ordered_can_be_ordered_again(signed_in, buyer, pieces):
    request = answered(buyer, pieces)
    rugs_quote, tagines_quote = request.quotes.order_by("pk")
    accept_quote(rugs_quote.pk, buyer)
    decline_quote(tagines_quote.pk, buyer)
    order_again(signed_in, request)
    html = signed_in.get("/en/wholesale/quotes/new/").content.decode()
    assert f'data-testid="draft-line-{pieces[0].stockrecords.get().pk}"' in html
    assert f'data-testid="draft-line-{pieces[1].stockrecords.get().pk}"' not in html


def test_a_request_without_an_accepted_quote_has_nothing_to_order_again(signed_in, buyer, pieces):
    request = answered(buyer, pieces)
    for quote in request.quotes.all():
        decline_quote(quote.pk, buyer)
    response = order_again(signed_in, request)
    assert response.url == "/en/wholesale/company/"
    assert "wholesale:quote_draft" not in signed_in.session


def test_another_company_cannot_order_again_a_request_of_ours(client, ordered):
    client.force_login(company_member(Company.VERIFIED, name="Other shop"))
    assert order_again(client, ordered).status_code == 404
    assert "wholesale:quote_draft" not in client.session


def test_an_unverified_company_cannot_order_again(client, ordered):
    client.force_login(company_member(Company.PENDING, name="Pending shop"))
    assert order_again(client, ordered).status_code == 403


def test_the_order_page_and_the_company_page_offer_to_order_again(signed_in, ordered):
    url = f"/en/wholesale/requests/{ordered.pk}/reorder/"
    assert url in signed_in.get(f"/en/wholesale/orders/{ordered.order.pk}/").content.decode()
    assert url in signed_in.get("/en/wholesale/company/").content.decode()


@pytest.mark.parametrize(
    ("quantity", "minimum", "case_pack", "expected"),
    [(40, 10, 10, 40), (45, 10, 10, 50), (120, 144, 24, 144), (5, 12, 1, 12), (13, 12, 6, 18)],
)
def test_the_orderable_quantity_is_the_nearest_one_above(quantity, minimum, case_pack, expected):
    assert rules.orderable_quantity(quantity, minimum, case_pack) == expected
