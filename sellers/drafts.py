"""Housekeeping of the files kept from seller applications (``ApplicationDraft``) and of
applications left half-filled (``ApplicationProgress``)."""

import datetime

from django.conf import settings
from django.utils import timezone
from oscar.core.loading import get_model

from sellers.documents import private_storage

ApplicationDraft = get_model("partner", "ApplicationDraft")
ApplicationProgress = get_model("partner", "ApplicationProgress")
DRAFT_FOLDER = "sellers/drafts"


def delete_abandoned():
    """Delete drafts older than SELLER_DRAFT_MAX_AGE_DAYS, and old draft files left without a
    record (an earlier version kept no records; a deletion may have failed half-way).

    The files of an application in progress stay as long as it does: progress unchanged for
    SELLER_APPLICATION_MAX_AGE_DAYS is deleted first, then the drafts no progress holds.

    Safe to run twice or concurrently: a record is deleted before its file, and deleting a
    missing file or record does nothing.
    """
    now = timezone.now()
    stale = now - datetime.timedelta(days=settings.SELLER_APPLICATION_MAX_AGE_DAYS)
    ApplicationProgress.objects.filter(updated_at__lt=stale).delete()
    cutoff = now - datetime.timedelta(days=settings.SELLER_DRAFT_MAX_AGE_DAYS)
    held = held_by_progress()
    for draft in ApplicationDraft.objects.filter(created_at__lt=cutoff).iterator():
        if draft.pk in held:
            continue
        ApplicationDraft.objects.filter(pk=draft.pk).delete()
        private_storage.delete(draft.file.name)
    delete_leftover_files(cutoff)


def held_by_progress():
    """The ids of the drafts that applications in progress hold."""
    return {
        pk
        for files in ApplicationProgress.objects.values_list("files", flat=True)
        for pk in files.values()
        if isinstance(pk, int)
    }


def delete_leftover_files(cutoff):
    try:
        _folders, names = private_storage.listdir(DRAFT_FOLDER)
    except FileNotFoundError:
        return
    recorded = set(ApplicationDraft.objects.values_list("file", flat=True))
    for name in names:
        path = f"{DRAFT_FOLDER}/{name}"
        if path in recorded:
            continue
        try:
            if private_storage.get_modified_time(path) < cutoff:
                private_storage.delete(path)
        except FileNotFoundError:
            continue
