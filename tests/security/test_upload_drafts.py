"""Files kept from a seller application in steps (drafts): a quota per user, and a beat task
that deletes abandoned ones with their files."""

import datetime
import os

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from oscar.core.loading import get_model

from sellers.documents import private_storage
from tests.factories.sellers import application_data, apply_in_steps
from tests.factories.uploads import image_upload, pdf_upload
from tests.factories.users import UserFactory

pytestmark = pytest.mark.django_db

Partner = get_model("partner", "Partner")
ApplicationDraft = get_model("partner", "ApplicationDraft")
ApplicationProgress = get_model("partner", "ApplicationProgress")

BAD_RIB = "011519000001205000534922"  # wrong key: the form is invalid, the scan is valid


def draft_files():
    try:
        return private_storage.listdir("sellers/drafts")[1]
    except FileNotFoundError:
        return []


def step(client, name, data):
    return client.post(reverse("sell:apply-step", kwargs={"step": name}), data)


def send_photo_and_scan(user, region, craft):
    """An artisan's workshop step with a photo, then her papers with the card's scan, from a
    fresh session (a new browser, or cookies cleared): each file is kept as a draft."""
    client = Client()
    client.force_login(user)
    data = application_data(region, craft, photo=image_upload(), card_scan=pdf_upload("card.pdf"))
    step(client, "kind", {"kind": "artisan"})
    fields = ("region", "city", "craft_branches", "story", "photo")
    step(client, "workshop", {name: data[name] for name in fields})
    fields = ("nia", "card_number", "card_issued_on", "card_expires_on", "card_scan")
    return step(client, "papers", {name: data[name] for name in fields})


def test_a_user_keeps_no_more_drafts_than_the_count_quota(settings, region, craft):
    settings.SELLER_DRAFT_MAX_FILES = 1
    response = send_photo_and_scan(UserFactory(), region, craft)
    assert len(draft_files()) == 1
    assert "card_scan" in response.context["form"].errors
    assert "choose it again" in response.content.decode()


def test_a_user_keeps_no_more_draft_bytes_than_the_quota(settings, region, craft):
    settings.SELLER_DRAFT_MAX_BYTES = image_upload().size + 100  # the photo, not the scan too
    response = send_photo_and_scan(UserFactory(), region, craft)
    assert len(draft_files()) == 1
    assert "choose it again" in response.content.decode()


def test_a_new_session_replaces_the_users_drafts_instead_of_adding_to_them(region, craft):
    user = UserFactory()
    for _ in range(3):
        send_photo_and_scan(user, region, craft)
    assert ApplicationDraft.objects.filter(user=user).count() == 2


def test_the_quota_is_per_user(settings, region, craft):
    settings.SELLER_DRAFT_MAX_FILES = 1
    send_photo_and_scan(UserFactory(), region, craft)
    send_photo_and_scan(UserFactory(), region, craft)
    assert len(draft_files()) == 2


def test_a_file_over_the_quota_stops_its_step_instead_of_being_lost(settings, region, craft):
    settings.SELLER_DRAFT_MAX_FILES = 0
    client = Client()
    client.force_login(UserFactory())
    response = apply_in_steps(client, application_data(region, craft))
    assert response.request["PATH_INFO"].endswith("/papers/")
    assert "card_scan" in response.context["form"].errors
    assert not Partner.objects.exists()


def post_invalid_application(user, region, craft):
    """A whole application from a fresh session, stopped at its bad RIB: the scan is kept."""
    client = Client()
    client.force_login(user)
    data = application_data(region, craft, rib=BAD_RIB, card_scan=pdf_upload("card.pdf"))
    return apply_in_steps(client, data)


def age(days):
    ApplicationDraft.objects.update(created_at=timezone.now() - datetime.timedelta(days=days))


def age_progress(days):
    ApplicationProgress.objects.update(updated_at=timezone.now() - datetime.timedelta(days=days))


def test_abandoned_drafts_and_their_files_are_deleted_and_recent_ones_kept(settings, region, craft):
    from sellers.tasks import delete_abandoned_drafts

    settings.SELLER_DRAFT_MAX_AGE_DAYS = 3
    post_invalid_application(UserFactory(), region, craft)
    age(days=4)
    age_progress(days=settings.SELLER_APPLICATION_MAX_AGE_DAYS + 1)
    post_invalid_application(UserFactory(), region, craft)
    assert len(draft_files()) == 2
    delete_abandoned_drafts.delay()
    assert len(draft_files()) == 1
    delete_abandoned_drafts.delay()  # a second run (beat retried, two workers) changes nothing
    assert len(draft_files()) == 1


def test_an_application_in_progress_keeps_its_files_while_it_is_kept(settings, region, craft):
    from sellers.tasks import delete_abandoned_drafts

    post_invalid_application(UserFactory(), region, craft)
    age(days=settings.SELLER_DRAFT_MAX_AGE_DAYS + 1)
    delete_abandoned_drafts.delay()
    assert len(draft_files()) == 1


def test_a_deleted_draft_is_no_longer_offered_to_its_applicant(settings, region, craft):
    from sellers.tasks import delete_abandoned_drafts

    client = Client()
    client.force_login(UserFactory())
    apply_in_steps(client, application_data(region, craft, rib=BAD_RIB))
    age(days=settings.SELLER_DRAFT_MAX_AGE_DAYS + 1)
    age_progress(days=settings.SELLER_APPLICATION_MAX_AGE_DAYS + 1)
    delete_abandoned_drafts.delay()
    assert not ApplicationProgress.objects.exists()
    response = apply_in_steps(client, application_data(region, craft, card_scan=None))
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
