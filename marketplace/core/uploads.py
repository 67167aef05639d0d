"""The one check every uploaded file goes through, whatever the page that receives it.

A file is judged by its content, never by its name or the type the browser declared:

- its first bytes must be those of an accepted format (JPEG, PNG, WebP, PDF); HTML, SVG and
  everything else are refused;
- a picture is decoded in full by Pillow, under a pixel ceiling checked before decoding
  (``UPLOAD_MAX_PIXELS``), then re-encoded: metadata (EXIF with its GPS position, XMP, text
  chunks) is dropped, the orientation the camera recorded is applied, only the first frame kept;
- a PDF must start with ``%PDF-`` at byte 0, carry no web-page markup where browsers sniff it,
  be readable by pypdf, and hold no JavaScript, launch, form-submission or remote actions and no
  embedded files; its bytes are stored unchanged;
- every kind of upload has its own size limit, a setting named in its ``UploadValidator``.

What is stored is the checked content under a random name (``<uuid>.<extension of the sniffed
format>``): the uploader's file name is never kept.

Use ``UploadValidator`` instances below as the check of one kind of upload: ``CheckedFileField``
for a model's file field, ``UploadField`` for a plain form, or call ``validator.clean(file)``.
This module imports nothing from the project's apps.
"""

import io
import re
import uuid

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from PIL import Image, ImageOps
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

JPEG, PNG, WEBP, PDF = "jpeg", "png", "webp", "pdf"
NAMES = {JPEG: "JPEG", PNG: "PNG", WEBP: "WebP", PDF: "PDF"}
EXTENSIONS = {JPEG: "jpg", PNG: "png", WEBP: "webp", PDF: "pdf"}
CONTENT_TYPES = {JPEG: "image/jpeg", PNG: "image/png", WEBP: "image/webp", PDF: "application/pdf"}
PILLOW_FORMATS = {JPEG: "JPEG", PNG: "PNG", WEBP: "WEBP"}

# Names that make a PDF do something when opened or clicked, or carry other files.
ACTIVE_PDF_NAMES = frozenset(
    {
        "/JavaScript",
        "/JS",
        "/Launch",
        "/EmbeddedFile",
        "/EmbeddedFiles",
        "/RichMedia",
        "/XFA",
        "/SubmitForm",
        "/ImportData",
        "/GoToR",
        "/GoToE",
    }
)
# Tags that make a browser (or an old content sniffer) treat the bytes as a web page. Searched
# in the first kilobyte and outside stream data, where compressed bytes could match by chance.
MARKUP = re.compile(
    rb"<\s*(?:!doctype|html|head|body|script|iframe|svg|img|object|embed|style|meta|link|form)"
    rb"[\s>/]",
    re.IGNORECASE,
)
STREAM_DATA = re.compile(rb"\bstream(?:\r\n|\n|\r).*?\bendstream\b", re.DOTALL)
SNIFF_WINDOW = 1024
MAX_PDF_OBJECTS = 100_000


def sniff(head):
    """The accepted format announced by a file's first bytes, or None."""
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return WEBP
    return None


def content_type(handle):
    """The MIME type of an open file's accepted format (for serving it), or None."""
    position = handle.tell()
    handle.seek(0)
    head = handle.read(16)
    handle.seek(position)
    return CONTENT_TYPES.get(sniff(head))


def random_name(extension):
    """A name that tells nothing about the file or its uploader."""
    return f"{uuid.uuid4().hex}.{extension}"


def max_pixels():
    """The pixel ceiling: the setting, never above Pillow's own bomb limit."""
    limits = [settings.UPLOAD_MAX_PIXELS, Image.MAX_IMAGE_PIXELS]
    return min(limit for limit in limits if limit)


def check_size(upload, size_setting):
    """Refuse an empty file or one larger than the setting named ``size_setting`` (bytes)."""
    limit = getattr(settings, size_setting)
    if upload.size > limit:
        raise ValidationError(
            _("This file is %(size)s; the limit is %(limit)s."),
            code="file_size",
            params={"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
        )
    if upload.size == 0:
        raise ValidationError(_("The file is empty."), code="empty")


def read_all(upload):
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    return data


def clean_image(data, image_format):
    """The picture decoded in full and re-encoded upright, without metadata."""
    megapixels = max_pixels() // 1_000_000
    too_big = ValidationError(
        ngettext(
            "This picture has too many pixels: %(megapixels)s megapixel at most.",
            "This picture has too many pixels: %(megapixels)s megapixels at most.",
            megapixels,
        ),
        code="too_many_pixels",
        params={"megapixels": megapixels},
    )
    damaged = ValidationError(_("This picture is damaged or incomplete."), code="file_damaged")
    if not ends_complete(data, image_format):
        raise damaged
    try:
        with Image.open(io.BytesIO(data), formats=[PILLOW_FORMATS[image_format]]) as image:
            if image.width * image.height > max_pixels():
                raise too_big
            image.load()
            return encode(ImageOps.exif_transpose(image), image_format)
    except Image.DecompressionBombError:
        raise too_big from None
    except ValidationError:
        raise
    except Exception as exc:  # Pillow raises many kinds of errors on a damaged picture
        raise damaged from exc


def ends_complete(data, image_format):
    """Whether the picture's data runs to its format's end marker.

    Pillow refuses a truncated picture only while ``ImageFile.LOAD_TRUNCATED_IMAGES`` is off,
    and that switch is process-wide: WeasyPrint (customs papers) turns it on when imported.
    """
    if image_format == JPEG:  # the end-of-image marker after the last scan
        return data.find(b"\xff\xd9", data.rfind(b"\xff\xda")) != -1
    if image_format == PNG:
        return b"\x00\x00\x00\x00IEND\xaeB`\x82" in data
    return int.from_bytes(data[4:8], "little") + 8 <= len(data)  # WebP: the RIFF size


def encode(picture, image_format):
    """Save ``picture`` in ``image_format`` with nothing but its pixels and colour profile."""
    options = {}
    if picture.info.get("icc_profile"):
        options["icc_profile"] = picture.info["icc_profile"]
    mode = picture.mode
    if image_format == JPEG and mode not in ("L", "RGB"):
        picture = picture.convert("RGB")
    elif image_format == WEBP:
        has_alpha = mode in ("RGBA", "LA", "PA") or "transparency" in picture.info
        picture = picture.convert("RGBA" if has_alpha else "RGB")
    elif "transparency" in picture.info:
        options["transparency"] = picture.info["transparency"]
    if picture.mode != mode and not {picture.mode, mode} <= {"RGB", "RGBA", "P"}:
        options.pop("icc_profile", None)  # it describes the colour space left behind (CMYK)
    if image_format in (JPEG, WEBP):
        options["quality"] = 90
    picture.info = {}  # EXIF, XMP, comments, text chunks: none is written
    out = io.BytesIO()
    picture.save(out, format=PILLOW_FORMATS[image_format], **options)
    return out.getvalue()


def check_pdf(data):
    """Refuse a PDF that is also a web page, cannot be read, or can act on its reader."""
    if MARKUP.search(data[:SNIFF_WINDOW]) or MARKUP.search(STREAM_DATA.sub(b"", data)):
        raise ValidationError(
            _("This PDF also contains web page code; send a plain PDF."), code="pdf_markup"
        )
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ValidationError(
                _("This PDF is protected by a password: send a copy without one."),
                code="pdf_encrypted",
            )
        active = active_pdf_name(reader.trailer)
        pages = len(reader.pages)
    except ValidationError:
        raise
    except Exception as exc:  # pypdf raises many kinds of errors on a damaged file
        raise unreadable_pdf() from exc
    if not pages:
        raise unreadable_pdf()
    if active:
        raise ValidationError(
            _(
                "This PDF contains scripts, actions or attached files, which are refused: "
                "print or scan the document to a new PDF and send that."
            ),
            code="pdf_active",
        )


def unreadable_pdf():
    return ValidationError(
        _("This PDF is damaged or incomplete: it cannot be read."), code="pdf_damaged"
    )


def active_pdf_name(root):
    """The first active-content name found in the objects reachable from ``root``, or None."""
    seen, stack = set(), [root]
    while stack:
        node = stack.pop()
        if isinstance(node, IndirectObject):
            if (node.idnum, node.generation) in seen:
                continue
            seen.add((node.idnum, node.generation))
            if len(seen) > MAX_PDF_OBJECTS:
                raise ValueError("too many objects to inspect")
            node = node.get_object()
        if isinstance(node, DictionaryObject):  # streams included
            for key, value in node.items():
                if key in ACTIVE_PDF_NAMES:
                    return key
                stack.append(value)
        elif isinstance(node, ArrayObject):
            stack.extend(node)
        elif isinstance(node, NameObject) and node in ACTIVE_PDF_NAMES:
            return str(node)
    return None


@deconstructible
class UploadValidator:
    """The check of one kind of upload: the formats it accepts and its size setting (bytes).

    Called on a file (or a model's FieldFile) it raises ValidationError or returns nothing;
    ``clean(file)`` also returns the checked content as a ContentFile with a random name. Files
    already stored (a FieldFile that is committed) were checked when uploaded and pass.
    """

    def __init__(self, formats, size_setting):
        self.formats = tuple(formats)
        self.size_setting = size_setting

    def __call__(self, value):
        if isinstance(value, models.fields.files.FieldFile):
            if value._committed:
                return
            value = value.file
        self.clean(value)

    def clean(self, upload):
        """The checked content of ``upload``, named ``<uuid>.<extension>`` (remembered on it)."""
        cache = upload.__dict__.setdefault("_checked_uploads", {})
        key = (self.formats, self.size_setting)
        if key not in cache:
            cache[key] = self.check(upload)
        checked = cache[key]
        checked.seek(0)
        return checked

    def check(self, upload):
        check_size(upload, self.size_setting)
        data = read_all(upload)
        file_format = sniff(data[:16])
        if file_format not in self.formats:
            raise ValidationError(
                _("Send a file of one of these kinds: %(formats)s. Other kinds are refused."),
                code="file_type",
                params={"formats": ", ".join(NAMES[name] for name in self.formats)},
            )
        if file_format == PDF:
            check_pdf(data)
        else:
            data = clean_image(data, file_format)
        checked = ContentFile(data, name=random_name(EXTENSIONS[file_format]))
        checked.content_type = CONTENT_TYPES[file_format]
        return checked

    def __eq__(self, other):
        return (
            isinstance(other, UploadValidator)
            and self.formats == other.formats
            and self.size_setting == other.size_setting
        )

    def __hash__(self):
        return hash((self.formats, self.size_setting))


# Every kind of upload the marketplace accepts, and its size limit.
SELLER_DOCUMENT = UploadValidator((PDF, JPEG, PNG), "SELLER_DOCUMENT_MAX_BYTES")
SELLER_PHOTO = UploadValidator((JPEG, PNG, WEBP), "SELLER_PHOTO_MAX_BYTES")
# Any file of a seller application (documents and photo), kept between attempts.
SELLER_APPLICATION_FILE = UploadValidator((PDF, JPEG, PNG, WEBP), "SELLER_DOCUMENT_MAX_BYTES")
CERTIFICATE = UploadValidator((PDF, JPEG, PNG), "CERTIFICATE_MAX_BYTES")
CMS_IMAGE = UploadValidator((JPEG, PNG, WEBP), "CMS_UPLOAD_MAX_BYTES")
CMS_DOCUMENT = UploadValidator((PDF,), "CMS_UPLOAD_MAX_BYTES")
# A seller's file of evidence for a dispute (proof of shipment, photo), kept to merge with
# the other sellers' files for the same Stripe evidence field.
DISPUTE_EVIDENCE = UploadValidator((PDF, JPEG, PNG, WEBP), "SELLER_DOCUMENT_MAX_BYTES")
# A buyer's photo of a piece it asks to return.
RETURN_PHOTO = UploadValidator((JPEG, PNG, WEBP), "RETURN_PHOTO_MAX_BYTES")


class CheckedFileField(models.FileField):
    """A model FileField that stores only what ``validator`` accepts, as ``validator.clean``
    returns it: checked, re-encoded if a picture, under a random name in ``upload_to``.

    The check runs in model validation (forms, admin) and again, from its remembered result,
    when the file is saved, so a path that skips validation cannot store an unchecked file.
    """

    def __init__(self, *args, validator, **kwargs):
        self.validator = validator
        super().__init__(*args, **kwargs)
        self.default_validators = [validator]

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["validator"] = self.validator
        return name, path, args, kwargs

    def pre_save(self, model_instance, add):
        file = getattr(model_instance, self.attname)
        if file and not file._committed:
            checked = self.validator.clean(file.file)
            file.save(checked.name, checked, save=False)
        return super().pre_save(model_instance, add)


class UploadField(forms.FileField):
    """A form field whose cleaned value is ``validator.clean(upload)``."""

    def __init__(self, *args, validator, **kwargs):
        self.validator = validator
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if not upload or upload is initial:
            return upload
        return self.validator.clean(upload)
