"""Local media (no S3): served by Django, cached for good since stored names are never reused."""

from django.conf import settings
from django.views.decorators.cache import cache_control
from django.views.static import serve


@cache_control(public=True, max_age=31536000, immutable=True)
def serve_media(request, path):
    return serve(request, path, document_root=settings.MEDIA_ROOT)
