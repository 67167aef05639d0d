"""Requests no view can answer: a NUL byte in the URL path.

No URL of the site holds one, and PostgreSQL refuses NUL in text, so a path parameter carrying
one (an order number, a wish-list key) would fail the lookup with a server error.
"""

from django.http import HttpResponseBadRequest


class RejectNulInPathMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path_info:
            return HttpResponseBadRequest()
        return self.get_response(request)
