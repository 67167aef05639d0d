"""The message refusing a photo past ``SELLER_PHOTOS_PER_LISTING``, in the right plural form:
one text for the listing form and the ZIP and URL imports."""

from django.conf import settings
from django.utils.translation import ngettext


def too_many_photos_message():
    most = settings.SELLER_PHOTOS_PER_LISTING
    return ngettext(
        "A listing has %(max)s photo at most.", "A listing has %(max)s photos at most.", most
    ) % {"max": most}
