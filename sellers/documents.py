"""Sellers' private documents (card scans, cooperative statutes) and public photos.

Uploads are accepted by content, never by name or declared type: the first bytes must be those
of a PDF, JPEG or PNG, pictures must decode, and each file stays under a size limit. Documents
live in the ``private`` storage (S3 with presigned links, or a local folder with no URL) and
reach a browser only through an authorised view, which redirects to a short-lived presigned
link or streams the local file.
"""

import uuid

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import FileResponse, HttpResponseRedirect
from django.template.defaultfilters import filesizeformat
from django.utils.deconstruct import deconstructible
from django.utils.functional import LazyObject, empty
from django.utils.translation import gettext_lazy as _
from PIL import Image

PDF, JPEG, PNG = "application/pdf", "image/jpeg", "image/png"
DOCUMENT_TYPES = (PDF, JPEG, PNG)
PHOTO_TYPES = (JPEG, PNG)
EXTENSIONS = {PDF: "pdf", JPEG: "jpg", PNG: "png"}


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


def detect_type(upload):
    """The MIME type the file's first bytes announce, or None."""
    upload.seek(0)
    kind = filetype.guess(upload.read(512))
    upload.seek(0)
    return kind.mime if kind else None


def _is_decodable_image(upload):
    try:
        with Image.open(upload) as image:
            image.verify()
    except Exception:  # Pillow raises many kinds of errors on a damaged picture
        return False
    finally:
        upload.seek(0)
    return True


@deconstructible
class UploadValidator:
    """Accept files whose content is one of ``types`` and whose size is at most the setting."""

    def __init__(self, types, size_setting):
        self.types = tuple(types)
        self.size_setting = size_setting

    def __call__(self, upload):
        limit = getattr(settings, self.size_setting)
        if upload.size > limit:
            raise ValidationError(
                _("This file is %(size)s; the limit is %(limit)s."),
                code="file_size",
                params={"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            )
        mime = detect_type(upload)
        if mime not in self.types:
            raise ValidationError(self.type_message(), code="file_type")
        if mime != PDF and not _is_decodable_image(upload):
            raise ValidationError(_("This picture is damaged or incomplete."), code="file_damaged")

    def type_message(self):
        if PDF in self.types:
            return _("Upload a PDF, JPEG or PNG file (other kinds of files are refused).")
        return _("Upload a JPEG or PNG picture (other kinds of files are refused).")

    def __eq__(self, other):
        return (
            isinstance(other, UploadValidator)
            and self.types == other.types
            and self.size_setting == other.size_setting
        )


validate_document = UploadValidator(DOCUMENT_TYPES, "SELLER_DOCUMENT_MAX_BYTES")
validate_photo = UploadValidator(PHOTO_TYPES, "SELLER_PHOTO_MAX_BYTES")


def _random_name(folder, field_file):
    """A name that reveals nothing, with the extension of the detected content type.

    The uploader's file name is ignored, so a PDF named ``x.html`` is stored as ``.pdf``.
    """
    try:
        content = field_file.file
    except ValueError:  # FieldFile.save(name, content): content not attached yet
        content = None
    extension = EXTENSIONS.get(detect_type(content), "bin") if content else "bin"
    return f"sellers/{folder}/{uuid.uuid4().hex}.{extension}"


def card_scan_path(instance, filename):
    return _random_name("cards", instance.card_scan)


def statutes_path(instance, filename):
    return _random_name("statutes", instance.statutes)


def photo_path(instance, filename):
    return _random_name("photos", instance.photo)


def document_response(field_file):
    """Redirect to a presigned link (S3) or stream the local file, never cached publicly."""
    storage = field_file.storage
    try:
        path = storage.path(field_file.name)
    except NotImplementedError:
        response = HttpResponseRedirect(storage.url(field_file.name))
    else:
        handle = open(path, "rb")  # noqa: SIM115 (FileResponse closes it)
        content_type = detect_type(handle)
        if content_type not in DOCUMENT_TYPES:
            content_type = "application/octet-stream"
        response = FileResponse(handle, content_type=content_type)
        response["Content-Disposition"] = "inline"
    response["Cache-Control"] = "private, no-store"
    return response
