"""Sellers' private documents (card scans, cooperative statutes).

Uploads are checked by ``marketplace.core.uploads`` (see the model fields). Documents live in
the ``private`` storage (S3 with presigned links, or a local folder with no URL) and reach a
browser only through an authorised view, which redirects to a short-lived presigned link or
streams the local file.
"""

from django.core.files.storage import storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import FileResponse, HttpResponseRedirect
from django.utils.functional import LazyObject, empty

from marketplace.core import uploads


class PrivateStorage(LazyObject):
    """``storages["private"]``, resolved on first use and again whenever STORAGES changes."""

    def _setup(self):
        self._wrapped = storages["private"]


private_storage = PrivateStorage()


@receiver(setting_changed)
def _reset_private_storage(*, setting, **kwargs):
    if setting == "STORAGES":
        private_storage._wrapped = empty


def get_private_storage():
    """Used as a FileField's ``storage`` (a callable keeps the choice out of migrations)."""
    return private_storage


def document_response(field_file):
    """Redirect to a presigned link (S3) or stream the local file, never cached publicly."""
    storage = field_file.storage
    try:
        path = storage.path(field_file.name)
    except NotImplementedError:
        response = HttpResponseRedirect(storage.url(field_file.name))
    else:
        handle = open(path, "rb")  # noqa: SIM115 (FileResponse closes it)
        content_type = uploads.content_type(handle) or "application/octet-stream"
        response = FileResponse(handle, content_type=content_type)
        response["Content-Disposition"] = "inline"
    response["Cache-Control"] = "private, no-store"
    return response
