"""Messages and emails on a quote: the buyer's company and the quote's seller write to each other
on the quote's page, every message is kept with the quote, and each party hears of each step
by email in its own language, once."""

import datetime
from decimal import Decimal

import pytest
from django.utils import translation

from tests.factories.catalogue import ProductFactory, SellerFactory
from tests.factories.users import member_of
from tests.factories.wholesale import company_member, offer_on
from tests.support.dates import today
from wholesale import emails
from wholesale.models import Company, QuoteMessage
from wholesale.quote_messages import post_message
from wholesale.quotes import QuoteError, accept_quote, answer_quote, ask_quote

pytestmark = pytest.mark.django_db
HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


@pytest.fixture
def seller():
    return SellerFactory(
        name="تعاونية آزيلال",
        name_latin="Cooperative Azilal",
        preferred_language="ar",
        contact_email="coop@example.com",
    )


@pytest.fixture
def buyer():
    return company_member(Company.VERIFIED, name="Boutique Oberkampf")


@pytest.fixture
def quote(seller, buyer, django_capture_on_commit_callbacks):
    rugs = ProductFactory(stockrecord__seller=seller, title_en="Azilal rug")
    offer_on(rugs, tiers=((10, "2400.00"),), minimum=10, case_pack=10)
    location = buyer.company_contact.company.locations.get()
    with translation.override("fr"), django_capture_on_commit_callbacks(execute=True):
        request = ask_quote(
            buyer,
            location,
            "DAP",
            today() + datetime.timedelta(days=30),
            [(rugs.stockrecords.get(), 40)],
        )
    return request.quotes.get()


def page(client, user, url):
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_the_seller_hears_of_a_request_in_its_language(quote, mailoutbox):
    (mail,) = mailoutbox
    assert mail.to == ["coop@example.com"]
    assert "Boutique Oberkampf" in mail.subject
    assert "طلب" in mail.subject  # Arabic: the seller's preferred language
    assert f"/ar/my-shop/quotes/{quote.pk}/" in mail.body


def test_the_buyer_hears_of_the_answer_in_the_language_it_asked_in(
    quote, buyer, mailoutbox, django_capture_on_commit_callbacks
):
    mailoutbox.clear()
    prices = {line.pk: Decimal("2050.00") for line in quote.lines.all()}
    with django_capture_on_commit_callbacks(execute=True):
        answer_quote(quote.pk, quote.seller, prices, 45, today() + datetime.timedelta(days=14))
    (mail,) = mailoutbox
    assert mail.to == [buyer.email]
    assert "a répondu" in mail.subject
    assert "45 jours" in mail.body
    assert "2\u202f050,00\xa0MAD" in mail.body
    assert f"/fr/wholesale/quotes/{quote.pk}/" in mail.body


def test_the_seller_hears_of_the_acceptance(
    quote, buyer, mailoutbox, django_capture_on_commit_callbacks
):
    prices = {line.pk: Decimal("2050.00") for line in quote.lines.all()}
    answer_quote(quote.pk, quote.seller, prices, 45, today())
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        accept_quote(quote.pk, buyer)
    (mail,) = mailoutbox
    assert "Boutique Oberkampf" in mail.subject
    assert "قبل" in mail.subject


def test_a_step_is_emailed_once_however_often_its_task_runs(quote, mailoutbox):
    emails.send_quote_asked(quote.pk)
    emails.send_quote_asked(quote.pk)
    assert len(mailoutbox) == 1


def test_the_buyer_writes_to_the_seller_on_the_quote_page(
    client, quote, buyer, mailoutbox, django_capture_on_commit_callbacks
):
    mailoutbox.clear()
    client.force_login(buyer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/fr/wholesale/quotes/{quote.pk}/message/",
            {"body": "Pouvez-vous teindre 10 tapis en indigo ?"},
        )
    assert response.status_code == 302
    message = QuoteMessage.objects.get()
    assert (message.from_seller, message.author) == (False, buyer)
    (mail,) = mailoutbox
    assert "Pouvez-vous teindre 10 tapis en indigo ?" in mail.body
    assert f"/ar/my-shop/quotes/{quote.pk}/" in mail.body
    seller_page = page(type(client)(), member_of(quote.seller), f"/ar/my-shop/quotes/{quote.pk}/")
    assert "Pouvez-vous teindre 10 tapis en indigo ?" in seller_page


def test_the_seller_replies_and_the_buyer_reads_it_in_the_thread(
    client, quote, buyer, mailoutbox, django_capture_on_commit_callbacks
):
    mailoutbox.clear()
    client.force_login(member_of(quote.seller))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/ar/my-shop/quotes/{quote.pk}/message/", {"body": "نعم، في ثلاثة أسابيع"}
        )
    assert response.status_code == 302
    (mail,) = mailoutbox
    assert mail.to == [buyer.email]
    assert "Cooperative Azilal" in mail.subject  # the buyer reads French: the Latin-script name
    assert "نعم، في ثلاثة أسابيع" in mail.body
    buyer_page = page(type(client)(), buyer, f"/fr/wholesale/quotes/{quote.pk}/")
    assert "نعم، في ثلاثة أسابيع" in buyer_page


def test_an_empty_message_is_refused_with_a_reason_and_nothing_is_kept(client, quote, buyer):
    client.force_login(buyer)
    response = client.post(f"/fr/wholesale/quotes/{quote.pk}/message/", {"body": "   "})
    assert response.status_code == 400
    assert "Champ requis." in response.content.decode()
    assert not QuoteMessage.objects.exists()


def test_a_message_may_be_as_long_as_the_limit_and_no_longer(quote, buyer):
    post_message(quote.pk, buyer, "x" * QuoteMessage.MAX_LENGTH)
    with pytest.raises(QuoteError):
        post_message(quote.pk, buyer, "x" * (QuoteMessage.MAX_LENGTH + 1))
    assert QuoteMessage.objects.count() == 1


def test_a_too_long_message_on_the_page_keeps_what_was_typed(client, quote, buyer):
    client.force_login(buyer)
    typed = "y" * (QuoteMessage.MAX_LENGTH + 1)
    response = client.post(f"/en/wholesale/quotes/{quote.pk}/message/", {"body": typed})
    assert response.status_code == 400
    assert typed in response.content.decode()
    assert not QuoteMessage.objects.exists()


def test_another_company_cannot_read_or_write_on_the_quote(client, quote):
    client.force_login(company_member(Company.VERIFIED, name="Other shop"))
    assert client.get(f"/en/wholesale/quotes/{quote.pk}/").status_code == 404
    response = client.post(f"/en/wholesale/quotes/{quote.pk}/message/", {"body": "hello"})
    assert response.status_code == 404
    assert not QuoteMessage.objects.exists()


def test_another_seller_cannot_read_or_write_on_the_quote(client, quote):
    client.force_login(member_of(SellerFactory()))
    assert client.get(f"/en/my-shop/quotes/{quote.pk}/").status_code == 404
    response = client.post(f"/en/my-shop/quotes/{quote.pk}/message/", {"body": "hello"})
    assert response.status_code == 404
    assert not QuoteMessage.objects.exists()


def test_hostile_text_in_a_message_is_shown_as_text_on_both_pages(client, quote, buyer):
    post_message(quote.pk, buyer, HOSTILE)
    for user, url in (
        (buyer, f"/en/wholesale/quotes/{quote.pk}/"),
        (member_of(quote.seller), f"/en/my-shop/quotes/{quote.pk}/"),
    ):
        html = page(type(client)(), user, url)
        assert "<script>alert" not in html
        assert "&lt;script&gt;alert" in html
