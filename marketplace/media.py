"""Local media (no S3): served by Django, cached for good since stored names are never reused."""

import errno

from django.conf import settings
from django.http import Http404
from django.views.decorators.cache import cache_control
from django.views.static import serve


@cache_control(public=True, max_age=31536000, immutable=True)
def serve_media(request, path):
    try:
        return serve(request, path, document_root=settings.MEDIA_ROOT)
    except OSError as error:
        if error.errno == errno.ENAMETOOLONG:  # no stored file has such a name
            raise Http404 from error
        raise
