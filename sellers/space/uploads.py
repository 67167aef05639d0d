"""Photo uploads are checked by their content: JPEG, PNG or WebP, within size limits."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

PHOTO_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
MAX_PIXELS_PER_SIDE = 8000


def validate_photo(upload):
    """Raise ValidationError unless ``upload`` is a sound JPEG, PNG or WebP within limits.

    Returns the extension that matches the content (the client's file name is not trusted).
    """
    if upload.size > settings.SELLER_PHOTO_MAX_BYTES:
        raise ValidationError(
            _("The photo is too large: %(max)s at most.")
            % {"max": filesizeformat(settings.SELLER_PHOTO_MAX_BYTES)},
            code="too_large",
        )
    if upload.size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            image_format = image.format
            width, height = image.size
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError) as exc:
        raise ValidationError(
            _("This file is not a JPEG, PNG or WebP photo."), code="not_image"
        ) from exc
    finally:
        upload.seek(0)
    if image_format not in PHOTO_FORMATS:
        raise ValidationError(_("This file is not a JPEG, PNG or WebP photo."), code="bad_format")
    if max(width, height) > MAX_PIXELS_PER_SIDE:
        raise ValidationError(
            _("The photo is too big: %(max)s pixels per side at most.")
            % {"max": MAX_PIXELS_PER_SIDE},
            code="too_many_pixels",
        )
    return PHOTO_FORMATS[image_format]


def safe_name(extension):
    """A fresh file name; the extension comes from the content, never from the client."""
    return f"{uuid.uuid4().hex}.{extension}"
