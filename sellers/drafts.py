"""Housekeeping of the files kept from invalid seller applications (``ApplicationDraft``)."""

import datetime

from django.conf import settings
from django.utils import timezone
from oscar.core.loading import get_model

from sellers.documents import private_storage

ApplicationDraft = get_model("partner", "ApplicationDraft")
DRAFT_FOLDER = "sellers/drafts"


def delete_abandoned():
    """Delete drafts older than SELLER_DRAFT_MAX_AGE_DAYS, and old draft files left without a
    record (an earlier version kept no records; a deletion may have failed half-way).

    Safe to run twice or concurrently: a record is deleted before its file, and deleting a
    missing file or record does nothing.
    """
    cutoff = timezone.now() - datetime.timedelta(days=settings.SELLER_DRAFT_MAX_AGE_DAYS)
    for draft in ApplicationDraft.objects.filter(created_at__lt=cutoff).iterator():
        ApplicationDraft.objects.filter(pk=draft.pk).delete()
        private_storage.delete(draft.file.name)
    delete_leftover_files(cutoff)


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
