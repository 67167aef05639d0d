"""Files chosen in an application that failed validation are kept for the next attempt.

A browser cannot refill a file input, so a valid file sent with a form that had other errors
is stored as a private draft and its name kept in the session; the next submission uses it
when no new file is chosen, and the form validates it again like any upload.
"""

import uuid

from django.core.files import File
from django.utils.translation import gettext_lazy as _

from sellers.documents import private_storage

SESSION_KEY = "sell-uploads"
FILE_FIELDS = ("photo", "card_scan", "statutes")


def kept(request):
    return request.session.get(SESSION_KEY, {})


def stash(request, form):
    """Store each valid file of the invalid ``form`` as a draft and remember it."""
    drafts = dict(kept(request))
    for name in FILE_FIELDS:
        upload = request.FILES.get(name)
        if upload is None or name in form.errors:
            continue
        path = private_storage.save(f"sellers/drafts/{uuid.uuid4().hex}", upload)
        if name in drafts:
            private_storage.delete(drafts[name]["path"])
        drafts[name] = {"path": path, "filename": upload.name}
    request.session[SESSION_KEY] = drafts


def restore(request, files):
    """The submitted files, completed with the kept drafts for inputs left empty."""
    files = files.copy()
    for name, draft in kept(request).items():
        if name not in files and private_storage.exists(draft["path"]):
            files[name] = File(private_storage.open(draft["path"]), name=draft["filename"])
    return files


def label(form, request):
    """Tell the applicant which files are already received."""
    for name, draft in kept(request).items():
        if name in form.fields:
            text = _("Received: %(filename)s. Choose another file only to replace it.") % {
                "filename": draft["filename"]
            }
            form.fields[name].help_text = text
            form[name].help_text = text  # the bound field copied the old text
    return form


def clear(request):
    """Forget and delete the drafts once the application is saved."""
    for draft in request.session.pop(SESSION_KEY, {}).values():
        private_storage.delete(draft["path"])


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
