"""HTTPS hardening, the health token, login throttling and the Content-Security-Policy."""

from datetime import timedelta

from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE

from marketplace.settings.environment import env
from marketplace.settings.framework import REDIS_URL

# Security: HTTPS hardening is off by default (make run and tests serve plain HTTP); production
# turns it on through the environment (README, "Production"), and `check --deploy` is then clean.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=False)
SESSION_COOKIE_SECURE = env.bool("SECURE_COOKIES", default=False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=False)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
# No page is framed by another site, nor by ours: Wagtail's preview views set SAMEORIGIN themselves.
X_FRAME_OPTIONS = "DENY"

# /health/ shows which backends run only to staff and to callers sending this token
# ("Authorization: Bearer <token>"); empty: staff only.
HEALTH_TOKEN = env("HEALTH_TOKEN", default="")

# Login throttling (django-axes, marketplace/security/login_throttle.py): every login form
# (storefront, checkout, dashboard, Django admin, Wagtail) goes through authenticate(), which
# refuses an account after LOGIN_FAILURES_PER_ACCOUNT wrong passwords and an IP address after
# LOGIN_FAILURES_PER_IP, each for LOGIN_LOCKOUT_MINUTES. Counts live in Redis when there is one,
# else in the database (a local-memory cache would count per process).
LOGIN_FAILURES_PER_ACCOUNT = env.int("LOGIN_FAILURES_PER_ACCOUNT", default=5)
LOGIN_FAILURES_PER_IP = env.int("LOGIN_FAILURES_PER_IP", default=20)
# Reverse proxies in front of the app that append to X-Forwarded-For (0: REMOTE_ADDR is the client).
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
AXES_HANDLER = (
    "marketplace.security.login_throttle.CacheHandler"
    if REDIS_URL
    else "marketplace.security.login_throttle.DatabaseHandler"
)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]  # counted apart, each against its own limit
AXES_FAILURE_LIMIT = max(LOGIN_FAILURES_PER_ACCOUNT, LOGIN_FAILURES_PER_IP)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("LOGIN_LOCKOUT_MINUTES", default=15))
# Attempts made while locked out are refused without counting: the lock-out ends on time.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_USERNAME_CALLABLE = "marketplace.security.login_throttle.account_identifier"
AXES_CLIENT_IP_CALLABLE = "marketplace.security.login_throttle.client_ip"
AXES_LOCKOUT_CALLABLE = "marketplace.security.login_throttle.locked_out"
AXES_DISABLE_ACCESS_LOG = True  # no record of every successful login's address
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "login-username", "login-password"]

# Content-Security-Policy (django-csp 4; marketplace/security/csp.py adds what depends on the
# request). Storefront and seller space: scripts, styles and connections to our origin only,
# inline scripts only with the request's nonce, images also from the media storage's origin,
# frames only for the CMS's YouTube and Vimeo videos, no plugins, no framing by any page.
_videos = [
    "https://www.youtube.com",
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "connect-src": [SELF],
        "frame-src": _videos,
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# Two back offices run vendor code that the storefront policy would break; each gets a looser
# policy under its own path only (the first matching prefix wins):
# - Wagtail (/cms/): its chooser widgets and wagtail-modeltranslation print inline <script>
#   blocks, and its bundled jQuery runs the scripts of the forms it loads and inserts <style>
#   elements: inline scripts and styles are allowed (no nonce, which would turn that off).
#   Its page preview is an iframe of our origin; video blocks preview their embeds.
# - Oscar's dashboard (/dashboard/): its image widget, form partials and product-type forms
#   use inline event handlers and style attributes: those attributes are allowed, while
#   <script> elements still need the nonce (our base template gives it to Oscar's).
CSP_PATH_POLICIES = {
    "/cms/": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:"],
        "frame-src": [SELF, *_videos],
        "frame-ancestors": [SELF],
    },
    "/dashboard/": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src-attr": [UNSAFE_INLINE],
        "style-src-attr": [UNSAFE_INLINE],
    },
}
# Wagtail's admin would fetch avatars from gravatar.com and its release feed from wagtail.org:
# neither is needed, and both would leak who is signed in to third parties.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
