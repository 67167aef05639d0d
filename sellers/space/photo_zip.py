"""The ZIP of photos sent with a CSV import: its limits, and which file goes to which SKU.

Photos are named by the listing's SKU: ``SKU.jpg`` is the first, ``SKU-2.jpg`` or ``SKU_2.png``
the second, and so on. Folders inside the ZIP are ignored (only the file's own name counts);
names that climb out of the archive or start at its root are refused. Nothing is extracted to
disk: each file is read, at most one byte over the photo size limit, and goes through
``marketplace.core.uploads.SELLER_PHOTO`` like a photo sent from the form.
"""

import re
import zipfile
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from marketplace.core import uploads

NUMBERED = re.compile(r"^(?P<sku>.+)[-_](?P<number>\d{1,3})$")
IGNORED_PARTS = ("__MACOSX",)
END_RECORD_SEARCH = 22 + 65535  # the end record and the longest comment it may carry


def open_zip(file):
    """The archive, or ValidationError when it is not a ZIP or breaks a limit.

    The limits are read from the archive's directory, before anything is decompressed: number
    of files, total expanded size; each file's own expansion is checked when it is read.
    """
    most = settings.SELLER_IMPORT_ZIP_MAX_FILES
    too_many = ValidationError(
        _("The ZIP holds too many files: %(max)s at most."), code="zip_files", params={"max": most}
    )
    if declared_entries(file) > most:
        raise too_many  # before Python reads a directory of millions of entries into memory
    try:
        archive = zipfile.ZipFile(file)
    except (zipfile.BadZipFile, OSError, ValueError):
        raise ValidationError(_("This is not a ZIP file."), code="not_zip") from None
    entries = [info for info in archive.infolist() if not info.is_dir()]
    if len(entries) > most:
        raise too_many
    expanded = sum(info.file_size for info in entries)
    if expanded > settings.SELLER_IMPORT_ZIP_MAX_EXPANDED:
        raise ValidationError(
            _("The ZIP expands to %(size)s; the limit is %(limit)s."),
            code="zip_expanded",
            params={
                "size": filesizeformat(expanded),
                "limit": filesizeformat(settings.SELLER_IMPORT_ZIP_MAX_EXPANDED),
            },
        )
    return archive


def declared_entries(file):
    """The number of entries the archive's end record announces (0 when there is none; a
    ZIP64 archive announces 65,535, its real count being at least that)."""
    file.seek(0, 2)
    size = file.tell()
    file.seek(max(0, size - END_RECORD_SEARCH))
    tail = file.read()
    file.seek(0)
    at = tail.rfind(b"PK\x05\x06")
    return int.from_bytes(tail[at + 10 : at + 12], "little") if at >= 0 else 0


@dataclass
class Photo:
    name: str
    sku: str
    number: int
    info: zipfile.ZipInfo


@dataclass
class Plan:
    """The photos of each SKU in order, and the files refused before any row is read."""

    by_sku: dict = field(default_factory=dict)
    refused: list = field(default_factory=list)  # (name, reason)


def unsafe(name):
    parts = name.replace("\\", "/").split("/")
    return name.startswith(("/", "\\")) or ".." in parts or re.match(r"^[A-Za-z]:", name)


def ignored(name):
    parts = name.replace("\\", "/").split("/")
    return any(part in IGNORED_PARTS for part in parts) or parts[-1].startswith(".")


def plan(archive, skus):
    """Match the archive's files to ``skus`` (the CSV's references, case ignored)."""
    known = {sku.casefold(): sku for sku in skus if sku}
    result = Plan()
    for info in archive.infolist():
        name = info.filename
        if info.is_dir() or ignored(name):
            continue
        if unsafe(name):
            result.refused.append((name, _("Unsafe file name: it points outside the ZIP.")))
            continue
        stem = name.replace("\\", "/").rsplit("/", 1)[-1].rsplit(".", 1)[0]
        sku, number = known.get(stem.casefold()), 1
        numbered = NUMBERED.match(stem)
        if sku is None and numbered:
            sku, number = known.get(numbered["sku"].casefold()), int(numbered["number"])
        if sku is None:
            result.refused.append((name, _("No row of the file has this reference (SKU).")))
            continue
        result.by_sku.setdefault(sku, []).append(Photo(name, sku, number, info))
    for photos in result.by_sku.values():
        photos.sort(key=lambda photo: (photo.number, photo.name))
    return result


def checked_photo(archive, photo):
    """The photo's checked content (``uploads.SELLER_PHOTO``), or ValidationError."""
    info, limit = photo.info, settings.SELLER_PHOTO_MAX_BYTES
    if info.flag_bits & 0x1:
        raise ValidationError(_("This file is protected by a password."), code="zip_encrypted")
    if info.file_size > limit:
        raise ValidationError(
            _("This file is %(size)s; the limit is %(limit)s."),
            code="file_size",
            params={"size": filesizeformat(info.file_size), "limit": filesizeformat(limit)},
        )
    if info.file_size > max(info.compress_size, 1) * settings.SELLER_IMPORT_ZIP_MAX_RATIO:
        raise ValidationError(
            _("This file is compressed beyond any photo: it is refused."), code="zip_ratio"
        )
    try:
        with archive.open(info) as handle:
            data = handle.read(limit + 1)
    except (zipfile.BadZipFile, OSError, NotImplementedError, RuntimeError, EOFError):
        raise ValidationError(_("This file is damaged in the ZIP."), code="zip_damaged") from None
    if len(data) > limit:
        raise ValidationError(
            _("This file is larger than its ZIP entry says: it is refused."), code="zip_lies"
        )
    return uploads.SELLER_PHOTO.clean(ContentFile(data, name=photo.name))
