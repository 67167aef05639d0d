"""Oscar's ``oscar_thumbnail`` tag served by our WebP renditions (sorl-thumbnail is not installed).

Oscar's dashboard product list, its image widget and the wish lists still use the tag; with
Oscar's default thumbnailer they raised (a 500 under DEBUG, a broken image otherwise).
"""

from dataclasses import dataclass

from django.core.files.storage import default_storage
from oscar.core.thumbnails import AbstractThumbnailer

from catalog.renditions import WIDTHS, rendition_url


@dataclass(frozen=True)
class Thumbnail:
    url: str


def rendition_width(size):
    """The narrowest rendition at least as wide as ``size`` ("70x70", "200x", "x100")."""
    wanted = max(int(part) for part in size.split("x") if part) if size.strip("x") else 0
    return next((width for width in WIDTHS if width >= wanted), WIDTHS[-1])


class RenditionThumbnailer(AbstractThumbnailer):
    def generate_thumbnail(self, source, **opts):
        """A product image with renditions gets one; any other file its own URL, unresized."""
        instance = getattr(source, "instance", None)
        name = getattr(source, "name", None) or str(source)
        if getattr(instance, "renditions_ready", False):
            return Thumbnail(rendition_url(name, rendition_width(opts.get("size", ""))))
        return Thumbnail(source.url if hasattr(source, "url") else default_storage.url(name))

    def delete_thumbnails(self, source):
        """Renditions are deleted with their image by the seller space; nothing else to do."""
