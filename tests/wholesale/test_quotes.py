"""Quote states at each edge: asked -> answered -> accepted, declined or expired."""

import datetime
from decimal import Decimal

import pytest

from tests.factories.catalogue import ProductFactory, SellerFactory
from tests.factories.users import UserFactory
from tests.factories.wholesale import company_member, offer_on
from tests.support.dates import today
from wholesale.models import Company, SellerQuote
from wholesale.quotes import (
    QuoteError,
    accept_quote,
    answer_quote,
    ask_quote,
    decline_quote,
    expire_quotes,
    suggested_price,
)

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


@pytest.fixture
def cooperatives():
    """Two cooperatives: rugs (MOQ 10, cases of 10) and tagines (MOQ 60, cases of 12)."""
    rugs = ProductFactory(stockrecord__seller=SellerFactory(name="Coop Azilal"))
    tagines = ProductFactory(stockrecord__seller=SellerFactory(name="Coop Safi"))
    offer_on(rugs, tiers=((10, "2400.00"), (40, "2100.00")), minimum=10, case_pack=10)
    offer_on(tagines, tiers=((60, "180.00"), (120, "150.00")), minimum=60, case_pack=12)
    return rugs.stockrecords.get(), tagines.stockrecords.get()


@pytest.fixture
def buyer():
    return company_member(Company.VERIFIED)


def ask(buyer, items, target=None):
    location = buyer.company_contact.company.locations.get()
    target = today() + 30 * DAY if target is None else target
    return ask_quote(buyer, location, "FOB", target, items)


def asked(buyer, cooperatives):
    rugs, tagines = cooperatives
    return ask(buyer, [(rugs, 40), (tagines, 120)])


def answer(quote, valid_until=None, price=Decimal("2000.00")):
    prices = {line.pk: price for line in quote.lines.all()}
    valid_until = today() + 14 * DAY if valid_until is None else valid_until
    return answer_quote(quote.pk, quote.seller, prices, 45, valid_until)


# asking


def test_one_request_to_two_cooperatives_makes_two_asked_quotes(buyer, cooperatives):
    request = asked(buyer, cooperatives)
    quotes = list(request.quotes.all())
    assert [q.seller.name for q in quotes] == ["Coop Azilal", "Coop Safi"]
    assert {q.status for q in quotes} == {SellerQuote.ASKED}
    assert [line.quantity for q in quotes for line in q.lines.all()] == [40, 120]


def test_the_seller_starts_from_the_tier_price_of_the_quantity(buyer, cooperatives):
    request = asked(buyer, cooperatives)
    rugs_line = request.quotes.first().lines.get()
    assert suggested_price(rugs_line) == Decimal("2100.00")  # 40 is the second tier exactly


def test_below_the_minimum_cannot_be_asked(buyer, cooperatives):
    rugs, _tagines = cooperatives
    with pytest.raises(QuoteError, match="minimum order is 10"):
        ask(buyer, [(rugs, 9)])


def test_a_quantity_off_the_case_pack_cannot_be_asked(buyer, cooperatives):
    _rugs, tagines = cooperatives
    with pytest.raises(QuoteError, match="cases of 12"):
        ask(buyer, [(tagines, 66)])


def test_a_piece_without_a_wholesale_offer_cannot_be_asked(buyer):
    record = ProductFactory().stockrecords.get()
    with pytest.raises(QuoteError):
        ask(buyer, [(record, 10)])


@pytest.mark.parametrize("status", [Company.PENDING, Company.REFUSED])
def test_an_unverified_company_cannot_ask(status, cooperatives):
    member = company_member(status)
    with pytest.raises(QuoteError, match="verified"):
        ask(member, [(cooperatives[0], 10)])


def test_a_consumer_cannot_ask(cooperatives, buyer):
    location = buyer.company_contact.company.locations.get()
    with pytest.raises(QuoteError):
        ask_quote(UserFactory(), location, "FOB", today() + DAY, [(cooperatives[0], 10)])


def test_the_wanted_by_date_must_be_after_today(buyer, cooperatives):
    with pytest.raises(QuoteError):
        ask(buyer, [(cooperatives[0], 10)], target=today())
    assert ask(buyer, [(cooperatives[0], 10)], target=today() + DAY)


def test_another_companys_location_is_refused(buyer, cooperatives):
    other = company_member(Company.VERIFIED).company_contact.company.locations.get()
    with pytest.raises(QuoteError):
        ask_quote(buyer, other, "FOB", today() + DAY, [(cooperatives[0], 10)])


# answering


def test_the_seller_answers_with_prices_lead_time_and_validity(buyer, cooperatives):
    quote = asked(buyer, cooperatives).quotes.first()
    answer(quote)
    quote.refresh_from_db()
    assert quote.status == SellerQuote.ANSWERED
    assert (quote.lead_time_days, quote.valid_until) == (45, today() + 14 * DAY)
    assert quote.lines.get().unit_price == Decimal("2000.00")


def test_a_quote_is_answered_once(buyer, cooperatives):
    quote = asked(buyer, cooperatives).quotes.first()
    answer(quote)
    with pytest.raises(QuoteError):
        answer(quote, price=Decimal("1.00"))
    assert quote.lines.get().unit_price == Decimal("2000.00")


def test_another_seller_cannot_answer(buyer, cooperatives):
    first, second = asked(buyer, cooperatives).quotes.all()
    with pytest.raises(QuoteError):
        answer_quote(first.pk, second.seller, {}, 10, today())


def test_validity_may_end_today_but_not_yesterday(buyer, cooperatives):
    first, second = asked(buyer, cooperatives).quotes.all()
    with pytest.raises(QuoteError):
        answer(first, valid_until=today() - DAY)
    assert answer(second, valid_until=today()).status == SellerQuote.ANSWERED


def test_every_line_must_be_priced(buyer, cooperatives):
    quote = asked(buyer, cooperatives).quotes.first()
    with pytest.raises(QuoteError):
        answer_quote(quote.pk, quote.seller, {}, 10, today())


# accepting, declining, expiring


def test_the_buyer_accepts_answers_from_both_cooperatives(buyer, cooperatives):
    quotes = list(asked(buyer, cooperatives).quotes.all())
    for quote in quotes:
        answer(quote)
        accept_quote(quote.pk, buyer)
    assert {q.status for q in SellerQuote.objects.all()} == {SellerQuote.ACCEPTED}


def test_an_asked_quote_cannot_be_accepted(buyer, cooperatives):
    quote = asked(buyer, cooperatives).quotes.first()
    with pytest.raises(QuoteError):
        accept_quote(quote.pk, buyer)


def test_accepting_on_the_last_valid_day_works(buyer, cooperatives):
    quote = asked(buyer, cooperatives).quotes.first()
    answer(quote, valid_until=today())
    assert accept_quote(quote.pk, buyer).status == SellerQuote.ACCEPTED


def test_accepting_after_validity_expires_the_quote(buyer, cooperatives):
    quote = asked(buyer, cooperatives).quotes.first()
    answer(quote, valid_until=today())
    SellerQuote.objects.filter(pk=quote.pk).update(valid_until=today() - DAY)
    with pytest.raises(QuoteError, match="expired"):
        accept_quote(quote.pk, buyer)
    quote.refresh_from_db()
    assert quote.status == SellerQuote.EXPIRED


def test_a_quote_is_accepted_once(buyer, cooperatives):
    quote = asked(buyer, cooperatives).quotes.first()
    answer(quote)
    accept_quote(quote.pk, buyer)
    with pytest.raises(QuoteError):
        accept_quote(quote.pk, buyer)
    with pytest.raises(QuoteError):
        decline_quote(quote.pk, buyer)


def test_another_company_cannot_accept(buyer, cooperatives):
    quote = asked(buyer, cooperatives).quotes.first()
    answer(quote)
    with pytest.raises(QuoteError):
        accept_quote(quote.pk, company_member(Company.VERIFIED))


@pytest.mark.parametrize("answered", [False, True])
def test_the_buyer_declines_an_asked_or_answered_quote(buyer, cooperatives, answered):
    quote = asked(buyer, cooperatives).quotes.first()
    if answered:
        answer(quote)
    assert decline_quote(quote.pk, buyer).status == SellerQuote.DECLINED
    with pytest.raises(QuoteError):
        accept_quote(quote.pk, buyer)


def test_expiry_closes_answered_quotes_the_day_after_their_validity(buyer, cooperatives):
    first, second = asked(buyer, cooperatives).quotes.all()
    answer(first, valid_until=today())
    answer(second, valid_until=today() + DAY)
    assert expire_quotes(today()) == 0  # the last valid day is still valid
    assert expire_quotes(today() + DAY) == 1
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == (SellerQuote.EXPIRED, SellerQuote.ANSWERED)


def test_expiry_closes_unanswered_quotes_after_the_wanted_by_date(buyer, cooperatives):
    request = ask(buyer, [(cooperatives[0], 10)], target=today() + DAY)
    assert expire_quotes(today() + DAY) == 0
    assert expire_quotes(today() + 2 * DAY) == 1
    assert request.quotes.get().status == SellerQuote.EXPIRED


def test_expiry_leaves_accepted_and_declined_quotes(buyer, cooperatives):
    first, second = asked(buyer, cooperatives).quotes.all()
    answer(first, valid_until=today())
    accept_quote(first.pk, buyer)
    decline_quote(second.pk, buyer)
    assert expire_quotes(today() + 365 * DAY) == 0


def test_the_scheduled_task_expires_quotes_and_may_run_twice(buyer, cooperatives, settings):
    from marketplace.celery import app
    from wholesale import tasks

    quote = asked(buyer, cooperatives).quotes.first()
    answer(quote, valid_until=today())
    SellerQuote.objects.filter(pk=quote.pk).update(valid_until=today() - DAY)
    scheduled = settings.CELERY_BEAT_SCHEDULE["wholesale-expire-quotes"]["task"]
    assert scheduled in app.tasks
    tasks.expire_quotes.apply()
    tasks.expire_quotes.apply()
    quote.refresh_from_db()
    assert quote.status == SellerQuote.EXPIRED
