"""An application's progress, saved at each step (``ApplicationProgress``, one per user).

Values are kept as typed, even when a step is left with errors (going back loses nothing), and
are checked again by the whole ``ApplicationForm`` when the application is sent. Files are
kept as drafts (``sellers/apply/uploads.py``, within the user's quota), their ids stored here.
"""

from django.db import transaction
from django.utils.datastructures import MultiValueDict
from oscar.core.loading import get_model

from sellers.apply import uploads
from sellers.apply.forms import ApplicationForm, other_branch_fields

ApplicationProgress = get_model("partner", "ApplicationProgress")
ApplicationDraft = get_model("partner", "ApplicationDraft")


def of(user):
    """The user's application in progress, or None."""
    return ApplicationProgress.objects.filter(user=user).first()


def drafts(progress):
    """The kept files of ``progress`` by field name (only the user's own, still stored)."""
    if progress is None:
        return {}
    ids = {name: pk for name, pk in progress.files.items() if isinstance(pk, int)}
    found = ApplicationDraft.objects.filter(user_id=progress.user_id, pk__in=ids.values())
    by_pk = {draft.pk: draft for draft in found}
    return {name: by_pk[pk] for name, pk in ids.items() if pk in by_pk}


def typed(form):
    """The values of ``form``'s non-file fields as sent, in a form that JSON stores."""
    values = {}
    for name, field in form.fields.items():
        if field.widget.needs_multipart_form:
            continue
        values[name] = field.widget.value_from_datadict(
            form.data, form.files, form.add_prefix(name)
        )
    return values


def as_data(progress):
    """The stored values as POST data, for a form bound to them."""
    data = MultiValueDict()
    for name, value in progress.values.items():
        if value is None:
            continue
        data.setlist(name, value if isinstance(value, list) else [value])
    if progress.kind:
        data["kind"] = progress.kind
    return data


def whole_form(progress):
    """The whole application as stored, bound with its kept files: what is sent."""
    files = uploads.completed(MultiValueDict(), drafts(progress))
    return ApplicationForm(as_data(progress), files, kind=progress.kind)


@transaction.atomic
def save_step(user, form, files):
    """Store what ``form`` (one step, validated) holds, and keep its valid new ``files``.

    Returns the progress and the names of the files that did not fit the user's quota (not
    kept). Choosing a kind of the other branch forgets that branch's values and files.
    """
    uploads.lock_quota(user)
    progress, _created = ApplicationProgress.objects.select_for_update().get_or_create(user=user)
    kept = drafts(progress)
    progress.values.update(typed(form))
    kind = form.cleaned_data.get("kind") if hasattr(form, "cleaned_data") else None
    if kind:
        progress.kind = kind
        for name in other_branch_fields(kind):
            progress.values.pop(name, None)
            if name in kept:
                uploads.discard(kept.pop(name))
    not_kept = []
    for name in form.fields:
        upload = files.get(name)
        if upload is None or name in form.errors:
            continue
        draft = uploads.keep(user, name, upload, previous=kept.get(name))
        if draft is None:
            not_kept.append(name)
        else:
            kept[name] = draft
    progress.files = {name: draft.pk for name, draft in kept.items()}
    progress.save()
    return progress, not_kept


def lock(progress):
    """Lock ``progress`` until the transaction ends; False when it is gone (already sent)."""
    return ApplicationProgress.objects.select_for_update().filter(pk=progress.pk).exists()


def remember_step(progress, step_slug):
    if progress is not None and progress.step != step_slug:
        progress.step = step_slug
        progress.save(update_fields=["step", "updated_at"])


def clear(progress):
    """Forget the progress and delete its files once the application is sent."""
    for draft in drafts(progress).values():
        uploads.discard(draft)
    progress.delete()
