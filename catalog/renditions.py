"""Responsive WebP renditions of product images, made once per image, named predictably.

``renditions/<original name without extension>-<width>.webp`` for each width in ``WIDTHS`` no
wider than the original. Pages use them only when the image says ``renditions_ready``.
"""

import posixpath
from io import BytesIO

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image, ImageOps

WIDTHS = (320, 480, 800)
QUALITY = 76
FOLDER = "renditions"


def rendition_name(original_name, width):
    stem, _ext = posixpath.splitext(original_name)
    return f"{FOLDER}/{stem}-{width}.webp"


def _encode(image, width):
    copy = image.copy()
    copy.thumbnail((width, width * 4), Image.Resampling.LANCZOS)
    buffer = BytesIO()
    copy.save(buffer, "WEBP", quality=QUALITY, method=4)
    return buffer.getvalue()


def make_renditions(original_name, storage=default_storage):
    """Write the missing renditions of one stored image (never enlarged beyond the original)."""
    missing = [w for w in WIDTHS if not storage.exists(rendition_name(original_name, w))]
    if not missing:
        return
    with storage.open(original_name, "rb") as handle:
        image = ImageOps.exif_transpose(Image.open(handle))
        image.load()
    if image.mode not in ("RGB", "RGBA"):
        image = image.convert("RGB")
    for width in missing:
        storage.save(rendition_name(original_name, width), ContentFile(_encode(image, width)))


def rendition_url(original_name, width):
    return default_storage.url(rendition_name(original_name, width))


def srcset(original_name):
    return ", ".join(f"{rendition_url(original_name, w)} {w}w" for w in WIDTHS)
