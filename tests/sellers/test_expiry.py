"""Professional-card expiry: a warning 30 days before, hiding and re-verification after."""

import datetime

import pytest
from django.conf import settings
from django.utils import timezone
from oscar.core.loading import get_model

from sellers import expiry
from sellers.tasks import check_card_expiry
from tests.factories.catalogue import ProductFactory
from tests.factories.sellers import ArtisanFactory
from tests.support.dates import today

Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")
S = Partner.Status


def card_ending(days):
    return ArtisanFactory(
        card_issued_on=today() - datetime.timedelta(days=900),
        card_expires_on=today() + datetime.timedelta(days=days),
    )


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    def run_check(on=None):
        with django_capture_on_commit_callbacks(execute=True):
            return expiry.check_all(on or today())

    return run_check


def test_the_check_runs_on_celery_beat():
    entry = settings.CELERY_BEAT_SCHEDULE["sellers-card-expiry"]
    assert entry["task"] == check_card_expiry.name


@pytest.mark.django_db
@pytest.mark.parametrize("days", [0, 30])
def test_a_card_ending_within_30_days_is_warned(run, mailoutbox, days):
    seller = card_ending(days)
    assert run() == (1, 0)
    assert mailoutbox[0].to == [seller.contact_email]
    assert "expires soon" in mailoutbox[0].subject
    seller.refresh_from_db()
    assert seller.status == S.VERIFIED


@pytest.mark.django_db
def test_a_card_ending_in_31_days_is_not_warned_yet(run, mailoutbox):
    card_ending(31)
    assert run() == (0, 0)
    assert mailoutbox == []


@pytest.mark.django_db
def test_the_warning_is_sent_once(run, mailoutbox):
    card_ending(10)
    run()
    assert run(today() + datetime.timedelta(days=1)) == (0, 0)
    assert len(mailoutbox) == 1


@pytest.mark.django_db
def test_a_renewed_card_is_warned_again_before_its_own_expiry(run, mailoutbox):
    seller = card_ending(10)
    run()
    seller.card_expires_on = today() + datetime.timedelta(days=400)
    seller.save()
    run(today() + datetime.timedelta(days=380))
    assert len(mailoutbox) == 2


@pytest.mark.django_db
def test_an_expired_card_sends_the_seller_back_for_verification(run, mailoutbox):
    seller = card_ending(-1)
    assert run() == (0, 1)
    seller.refresh_from_db()
    assert seller.status == S.NEEDS_INFO
    event = seller.verification_events.first()
    assert (event.action, event.actor_label) == ("card_expired", "system")
    assert len(mailoutbox) == 1 and "has expired" in mailoutbox[0].subject


@pytest.mark.django_db
def test_the_expiry_is_handled_once(run, mailoutbox):
    card_ending(-1)
    run()
    assert run() == (0, 0)
    assert len(mailoutbox) == 1


@pytest.mark.django_db
def test_the_expiry_email_is_in_the_sellers_language(run, mailoutbox):
    seller = card_ending(-3)
    seller.preferred_language = "ar"
    seller.save()
    run()
    assert mailoutbox[0].subject == "انتهت صلاحية بطاقتك المهنية"
    assert "&#x27;" not in mailoutbox[0].body


@pytest.mark.django_db
def test_a_card_valid_today_still_sells_and_expired_yesterday_does_not():
    today = timezone.localdate()
    last_day = ProductFactory(stockrecord__seller=ArtisanFactory(card_expires_on=today))
    yesterday = today - datetime.timedelta(days=1)
    ProductFactory(stockrecord__seller=ArtisanFactory(card_expires_on=yesterday))
    assert list(Product.objects.sellable()) == [last_day]
    assert list(Partner.objects.selling()) == [last_day.seller]


@pytest.mark.django_db
def test_sellers_without_a_card_are_not_subject_to_expiry():
    seller = ArtisanFactory(kind=Partner.Kind.COOPERATIVE, card_expires_on=None)
    assert seller.can_sell and Partner.objects.selling().filter(pk=seller.pk).exists()


@pytest.mark.django_db
def test_expiry_refreshes_the_cached_storefront(client, craft, django_capture_on_commit_callbacks):
    seller = ArtisanFactory(card_expires_on=timezone.localdate())
    ProductFactory(title_en="Brass lantern", category=craft, stockrecord__seller=seller)
    url = craft.get_absolute_url()
    assert "Brass lantern" in client.get(url).content.decode()
    assert client.get(url)["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        expiry.check_all(timezone.localdate() + datetime.timedelta(days=1))
    response = client.get(url)
    assert response["X-Page-Cache"] == "miss"
    assert "Brass lantern" not in response.content.decode()


@pytest.mark.django_db
def test_a_newly_verified_card_brings_the_products_back(run):
    seller = card_ending(-1)
    product = ProductFactory(stockrecord__seller=seller)
    run()
    seller.refresh_from_db()
    seller.card_expires_on = today() + datetime.timedelta(days=1000)
    seller.save()
    assert not Product.objects.sellable().exists()
    from sellers import verification

    verification.apply(seller, "resubmit", verification.APPLICANT, reason="New card.")
    verification.apply(seller, "verify", verification.CURATOR)
    assert list(Product.objects.sellable()) == [product]


@pytest.mark.django_db
def test_a_seller_suspended_while_the_check_runs_is_left_alone(run, mailoutbox):
    stale = card_ending(-1)
    Partner.objects.filter(pk=stale.pk).update(status=S.SUSPENDED)
    assert expiry.expire(stale) is None
    stale.refresh_from_db()
    assert stale.status == S.SUSPENDED
    assert not stale.card_expiry_notices.exists()
    assert mailoutbox == []
