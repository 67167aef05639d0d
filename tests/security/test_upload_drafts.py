"""Files kept from an invalid seller application (drafts): a quota per user, and a beat task
that deletes abandoned ones with their files."""

import datetime
import os

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from sellers.documents import private_storage
from tests.factories.sellers import application_data
from tests.factories.uploads import pdf_upload
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db

BAD_RIB = "011519000001205000534922"  # wrong key: the form is invalid, the scan is valid


def draft_files():
    try:
        return private_storage.listdir("sellers/drafts")[1]
    except FileNotFoundError:
        return []


def post_invalid_application(user, region, craft):
    """One attempt from a fresh session (a new browser, or cookies cleared)."""
    client = Client()
    client.force_login(user)
    data = application_data(region, craft, rib=BAD_RIB, card_scan=pdf_upload("card.pdf"))
    return client.post(reverse("sell:apply"), data)


def test_a_user_keeps_no_more_drafts_than_the_count_quota(settings, region, craft):
    settings.SELLER_DRAFT_MAX_FILES = 2
    user = UserFactory()
    for _ in range(3):
        post_invalid_application(user, region, craft)
    assert len(draft_files()) == 2


def test_a_user_keeps_no_more_draft_bytes_than_the_quota(settings, region, craft):
    settings.SELLER_DRAFT_MAX_BYTES = pdf_upload().size + 10
    user = UserFactory()
    post_invalid_application(user, region, craft)
    response = post_invalid_application(user, region, craft)
    assert len(draft_files()) == 1
    assert "choose it again" in response.content.decode()


def test_the_quota_is_per_user(settings, region, craft):
    settings.SELLER_DRAFT_MAX_FILES = 1
    post_invalid_application(UserFactory(), region, craft)
    post_invalid_application(UserFactory(), region, craft)
    assert len(draft_files()) == 2


def test_a_file_over_the_quota_can_still_be_sent_with_a_valid_form(settings, region, craft):
    settings.SELLER_DRAFT_MAX_FILES = 0
    client = Client()
    client.force_login(UserFactory())
    response = client.post(reverse("sell:apply"), application_data(region, craft))
    assert response.status_code == 302


def age(days):
    from oscar.core.loading import get_model

    ApplicationDraft = get_model("partner", "ApplicationDraft")
    ApplicationDraft.objects.update(created_at=timezone.now() - datetime.timedelta(days=days))


def test_abandoned_drafts_and_their_files_are_deleted_and_recent_ones_kept(settings, region, craft):
    from sellers.tasks import delete_abandoned_drafts

    settings.SELLER_DRAFT_MAX_AGE_DAYS = 3
    post_invalid_application(UserFactory(), region, craft)
    age(days=4)
    post_invalid_application(UserFactory(), region, craft)
    assert len(draft_files()) == 2
    delete_abandoned_drafts.delay()
    assert len(draft_files()) == 1
    delete_abandoned_drafts.delay()  # a second run (beat retried, two workers) changes nothing
    assert len(draft_files()) == 1


def test_a_deleted_draft_is_no_longer_offered_to_its_session(settings, region, craft):
    from sellers.tasks import delete_abandoned_drafts

    client = Client()
    client.force_login(UserFactory())
    data = application_data(region, craft, rib=BAD_RIB)
    client.post(reverse("sell:apply"), data)
    age(days=settings.SELLER_DRAFT_MAX_AGE_DAYS + 1)
    delete_abandoned_drafts.delay()
    response = client.post(reverse("sell:apply"), application_data(region, craft, card_scan=None))
    assert "card_scan" in response.context["form"].errors


def test_leftover_draft_files_without_a_record_are_deleted_once_old(settings, tmp_path):
    from sellers.tasks import delete_abandoned_drafts

    old = private_storage.save("sellers/drafts/old", pdf_upload())
    recent = private_storage.save("sellers/drafts/recent", pdf_upload())
    two_weeks_ago = (timezone.now() - datetime.timedelta(days=14)).timestamp()
    os.utime(private_storage.path(old), (two_weeks_ago, two_weeks_ago))
    delete_abandoned_drafts.delay()
    assert draft_files() == [recent.rsplit("/", 1)[-1]]


def test_beat_runs_the_draft_cleanup(settings):
    tasks = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert "sellers.tasks.delete_abandoned_drafts" in tasks
