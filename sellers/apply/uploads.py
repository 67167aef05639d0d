"""Files chosen in an application that failed validation are kept for the next attempt.

A browser cannot refill a file input, so a valid file sent with a form that had other errors
is stored as a private draft (``ApplicationDraft``, checked like any upload) and its id kept in
the session; the next submission uses it when no new file is chosen, and the form checks it
again. A user keeps at most ``SELLER_DRAFT_MAX_FILES`` drafts and ``SELLER_DRAFT_MAX_BYTES``
bytes of them, whatever the number of sessions; beyond that the file is not kept and the
applicant is told to choose it again. Celery beat deletes drafts older than
``SELLER_DRAFT_MAX_AGE_DAYS``, and draft files left without a record.

The application in steps keeps each step's files the same way, their ids on the applicant's
``ApplicationProgress`` rather than in the session (``sellers/apply/progress.py``).
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.files import File
from django.db import transaction
from django.db.models import Count, Sum
from django.utils.translation import gettext_lazy as _
from oscar.core.loading import get_model

from marketplace.core import uploads
from sellers.documents import private_storage

ApplicationDraft = get_model("partner", "ApplicationDraft")

SESSION_KEY = "sell-uploads"
FILE_FIELDS = ("photo", "card_scan", "statutes")


def kept(request):
    """This session's drafts by field name (only the user's own, still stored)."""
    ids = {
        name: pk
        for name, pk in request.session.get(SESSION_KEY, {}).items()
        if name in FILE_FIELDS and isinstance(pk, int)
    }
    drafts = ApplicationDraft.objects.filter(user=request.user, pk__in=ids.values())
    by_pk = {draft.pk: draft for draft in drafts}
    return {name: by_pk[pk] for name, pk in ids.items() if pk in by_pk}


def has_room(user, size, replacing=None):
    """Whether one more draft of ``size`` bytes fits the user's quota."""
    others = ApplicationDraft.objects.filter(user=user)
    if replacing is not None:
        others = others.exclude(pk=replacing.pk)
    usage = others.aggregate(count=Count("pk"), size=Sum("size"))
    return (
        usage["count"] + 1 <= settings.SELLER_DRAFT_MAX_FILES
        and (usage["size"] or 0) + size <= settings.SELLER_DRAFT_MAX_BYTES
    )


def lock_quota(user):
    """Serialise a user's draft saves (the quota is checked, then a draft created)."""
    get_user_model().objects.select_for_update().filter(pk=user.pk).first()


def keep(user, name, upload, previous=None):
    """Store the valid ``upload`` of field ``name`` as the user's draft, replacing
    ``previous``; None (nothing stored) when it does not fit the user's quota. Call inside a
    transaction, after ``lock_quota``."""
    checked = uploads.SELLER_APPLICATION_FILE.clean(upload)
    if not has_room(user, checked.size, replacing=previous):
        return None
    draft = ApplicationDraft.objects.create(
        user=user, field=name, filename=upload.name[:255], file=upload, size=checked.size
    )
    if previous is not None:
        discard(previous)
    return draft


def not_kept_message(upload):
    return _(
        "%(filename)s was not kept: too many of your files are waiting. "
        "Please choose it again when you send the form."
    ) % {"filename": upload.name}


@transaction.atomic
def stash(request, form):
    """Store each valid file of the invalid ``form`` as a draft, within the user's quota."""
    lock_quota(request.user)
    drafts = kept(request)
    for name in FILE_FIELDS:
        upload = request.FILES.get(name)
        if upload is None or name in form.errors:
            continue
        draft = keep(request.user, name, upload, previous=drafts.get(name))
        if draft is None:
            messages.warning(request, not_kept_message(upload))
            continue
        drafts[name] = draft
    request.session[SESSION_KEY] = {name: draft.pk for name, draft in drafts.items()}


def restore(request, files):
    """The submitted files, completed with the kept drafts for inputs left empty."""
    return completed(files, kept(request))


def completed(files, drafts):
    """``files`` completed with the ``drafts`` (by field name) for inputs left empty."""
    files = files.copy()
    for name, draft in drafts.items():
        if name in files:
            continue
        try:
            files[name] = opened(draft)
        except FileNotFoundError:
            continue
    return files


def opened(draft):
    return File(private_storage.open(draft.file.name), name=draft.filename)


def label(form, request):
    """Tell the applicant which files are already received."""
    return label_received(form, kept(request))


def label_received(form, drafts):
    for name, draft in drafts.items():
        if name in form.fields:
            text = _("Received: %(filename)s. Choose another file only to replace it.") % {
                "filename": draft.filename
            }
            form.fields[name].help_text = text
            form[name].help_text = text  # the bound field copied the old text
    return form


def clear(request):
    """Forget and delete the drafts once the application is saved."""
    for draft in kept(request).values():
        discard(draft)
    request.session.pop(SESSION_KEY, None)


def discard(draft):
    """Delete the draft's record, then (once committed) its file."""
    name = draft.file.name
    ApplicationDraft.objects.filter(pk=draft.pk).delete()
    transaction.on_commit(lambda: private_storage.delete(name))


class KeepUploadsMixin:
    """For a FormView with file fields: keep valid files across invalid submissions."""

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        if "files" in kwargs:
            kwargs["files"] = restore(self.request, kwargs["files"])
        return kwargs

    def get_form(self, form_class=None):
        return label(super().get_form(form_class), self.request)

    def form_invalid(self, form):
        stash(self.request, form)
        return super().form_invalid(label(form, self.request))
