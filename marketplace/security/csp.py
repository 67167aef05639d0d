"""Content-Security-Policy: django-csp's middleware, plus what depends on the request.

- Under a prefix of ``CSP_PATH_POLICIES`` (Wagtail's admin, Oscar's dashboard) the policy is
  that prefix's (settings say what each allows and why); elsewhere ``CONTENT_SECURITY_POLICY``.
- Images may come from the media storage's origin (an S3 bucket or a CDN), read from the
  storage itself so that any storage configuration is followed.
- A page Wagtail renders for its editor's preview panel keeps the storefront's policy, and
  may be framed by our own origin (the panel is an iframe).
- The page that loads Stripe.js marks its response with ``allow_stripe_js``: Stripe's hosts
  (or localstripe's, in test mode) are allowed on that page only.
"""

from urllib.parse import urlsplit

from csp.constants import SELF
from csp.middleware import CSPMiddleware
from django.conf import settings
from django.core.files.storage import storages

# What Stripe.js needs (Stripe's integration security guide, "Content Security Policy").
STRIPE_SOURCES = {
    "script-src": ["https://js.stripe.com", "https://*.js.stripe.com"],
    "frame-src": ["https://js.stripe.com", "https://*.js.stripe.com", "https://hooks.stripe.com"],
    "connect-src": ["https://api.stripe.com"],
}


def origin(url):
    """``scheme://host[:port]`` of an absolute URL; ``None`` for a relative one."""
    parts = urlsplit(url or "")
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else None


def stripe_sources():
    """Sources of Stripe.js: localstripe's shim and API in test mode, else Stripe's hosts."""
    if not settings.STRIPE_TEST_MODE:
        return STRIPE_SOURCES
    script, api = origin(settings.STRIPE_JS_URL), origin(settings.STRIPE_API_BASE)
    return {"script-src": [script], "connect-src": [api]}


def allow_stripe_js(response):
    """Let ``response``'s page load Stripe.js (django-csp's per-response update)."""
    response._csp_update = merge(getattr(response, "_csp_update", None), stripe_sources())
    return response


def merge(*updates):
    merged = {}
    for update in updates:
        for directive, sources in (update or {}).items():
            merged[directive] = [*merged.get(directive, []), *sources]
    return merged


def path_policy(path):
    """The directives of the first ``CSP_PATH_POLICIES`` prefix ``path`` starts with, if any."""
    for prefix, directives in settings.CSP_PATH_POLICIES.items():
        if path.startswith(prefix):
            return directives
    return None


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def __init__(self, get_response):
        super().__init__(get_response)
        self._media = (None, [])

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if report_only:
            return parts
        if parts.config is None:
            parts.config = path_policy(request.path_info)
        if getattr(request, "is_dummy", False):  # Wagtail rendering a page for its preview panel
            parts.replace = {**(parts.replace or {}), "frame-ancestors": [SELF]}
        media = self.media_origins()
        if media:
            parts.update = merge(parts.update, {"img-src": media})
        return parts

    def media_origins(self):
        """The media storage's origin (S3 bucket, CDN), worked out once per storage object."""
        storage = storages["default"]
        if self._media[0] is not storage:
            self._media = (storage, [o for o in [origin(storage.url("csp"))] if o])
        return self._media[1]
