"""Photos chosen for a new listing whose form had other errors are kept for the next attempt.

A browser cannot refill a file input, so each valid photo is stored as a private draft
(``ApplicationDraft``, the same quota as the application's files: ``sellers.apply.uploads``)
and its id kept in the session, in the order chosen; the next valid submission adds them before
any newly chosen photo. ``sellers.drafts`` deletes drafts left behind.
"""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from sellers.apply.uploads import discard, has_room
from sellers.documents import private_storage

ApplicationDraft = get_model("partner", "ApplicationDraft")

SESSION_KEY = "listing-photos"
FIELD = "listing_photo"


def kept(request):
    """This session's kept photos (the user's own, still stored), in the order chosen."""
    ids = [pk for pk in request.session.get(SESSION_KEY, []) if isinstance(pk, int)]
    by_pk = ApplicationDraft.objects.filter(user=request.user, field=FIELD).in_bulk(ids)
    return [by_pk[pk] for pk in ids if pk in by_pk]


@transaction.atomic
def stash(request, photos):
    """Keep the checked ``photos`` after those already kept, within the user's quota."""
    get_user_model().objects.select_for_update().filter(pk=request.user.pk).first()
    drafts = kept(request)
    for photo in photos:
        if not has_room(request.user, photo.size):
            messages.warning(
                request,
                _(
                    "Some photos were not kept: too many of your files are waiting. "
                    "Please choose them again when you save."
                ),
            )
            break
        photo.seek(0)
        drafts.append(
            ApplicationDraft.objects.create(
                user=request.user, field=FIELD, filename=photo.name, file=photo, size=photo.size
            )
        )
    request.session[SESSION_KEY] = [draft.pk for draft in drafts]


def restore(request):
    """The kept photos' contents, in order (a missing file is skipped)."""
    photos = []
    for draft in kept(request):
        try:
            with private_storage.open(draft.file.name) as handle:
                photos.append(ContentFile(handle.read(), name=draft.file.name.rsplit("/", 1)[-1]))
        except FileNotFoundError:
            continue
    return photos


def clear(request):
    """Forget and delete the kept photos once the listing holds them."""
    for draft in kept(request):
        discard(draft)
    request.session.pop(SESSION_KEY, None)
