"""CMS pages behind the anonymous page cache, checked before Wagtail routes the request."""

from wagtail import views as wagtail_views

from marketplace.core.page_cache import serve_cached


def serve(request, path=""):
    return serve_cached(request, lambda: wagtail_views.serve(request, path))
