"""Settings, read from the environment with embedded defaults.

Unset variables give the newcomer's setup: SQLite, local media, Celery eager, local-memory cache.
Production sets DATABASE_URL, REDIS_URL, AWS_STORAGE_BUCKET_NAME (and friends), SECRET_KEY.
The README lists every variable.
"""

from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import environ
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from oscar.defaults import *  # noqa: F403

from marketplace.s3 import s3_storages
from sellers.permissions import dashboard_curator_access

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env("SECRET_KEY", default="insecure-dev-key-set-SECRET_KEY-in-production")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
SITE_ID = 1
BENCH_ENDPOINTS = env.bool("BENCH_ENDPOINTS", default=False)

INSTALLED_APPS = [
    "wagtail_modeltranslation",
    "wagtail_modeltranslation.makemigrations",
    "wagtail_modeltranslation.migrate",
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.flatpages",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "marketplace.shop.Shop",
    "oscar.apps.analytics.apps.AnalyticsConfig",
    "marketplace.checkout.apps.CheckoutConfig",
    "oscar.apps.address.apps.AddressConfig",
    "shipping.apps.ShippingConfig",
    "catalog.apps.CatalogueConfig",
    "oscar.apps.catalogue.reviews.apps.CatalogueReviewsConfig",
    "oscar.apps.communication.apps.CommunicationConfig",
    "sellers.apps.PartnerConfig",
    "sellers.fulfilment.apps.FulfilmentConfig",
    "sellers.payouts.apps.PayoutsConfig",
    "compliance.apps.ComplianceConfig",
    "compliance.certificates.apps.CertificatesConfig",
    "oscar.apps.basket.apps.BasketConfig",
    "oscar.apps.payment.apps.PaymentConfig",
    "oscar.apps.offer.apps.OfferConfig",
    "oscar.apps.order.apps.OrderConfig",
    "oscar.apps.customer.apps.CustomerConfig",
    "oscar.apps.search.apps.SearchConfig",
    "oscar.apps.voucher.apps.VoucherConfig",
    "oscar.apps.wishlists.apps.WishlistsConfig",
    "oscar.apps.dashboard.apps.DashboardConfig",
    "oscar.apps.dashboard.reports.apps.ReportsDashboardConfig",
    "oscar.apps.dashboard.users.apps.UsersDashboardConfig",
    "oscar.apps.dashboard.orders.apps.OrdersDashboardConfig",
    "oscar.apps.dashboard.catalogue.apps.CatalogueDashboardConfig",
    "oscar.apps.dashboard.offers.apps.OffersDashboardConfig",
    "oscar.apps.dashboard.partners.apps.PartnersDashboardConfig",
    "oscar.apps.dashboard.pages.apps.PagesDashboardConfig",
    "oscar.apps.dashboard.ranges.apps.RangesDashboardConfig",
    "oscar.apps.dashboard.reviews.apps.ReviewsDashboardConfig",
    "oscar.apps.dashboard.vouchers.apps.VouchersDashboardConfig",
    "oscar.apps.dashboard.communications.apps.CommunicationsDashboardConfig",
    "oscar.apps.dashboard.shipping.apps.ShippingDashboardConfig",
    "widget_tweaks",
    "haystack",
    "treebeard",
    "django_tables2",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "marketplace.core",
    "marketplace.cms",
    "marketplace.currency",
    "marketplace.payments",
    "marketplace.idempotency",
    "themes",
    "demo",
    "axes",
    "csp",
]

MIDDLEWARE = [
    "marketplace.core.memo.RequestMemoMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "marketplace.request_guard.RejectNulInPathMiddleware",
    "marketplace.security.csp.ContentSecurityPolicyMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "marketplace.checkout.basket_middleware.BasketMiddleware",
    "django.contrib.flatpages.middleware.FlatpageFallbackMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",  # last: turns a locked-out login into the lock-out page
]

ROOT_URLCONF = "marketplace.urls"
WSGI_APPLICATION = "marketplace.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "themes" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "oscar.apps.search.context_processors.search_form",
                "oscar.apps.checkout.context_processors.checkout",
                "oscar.apps.communication.notifications.context_processors.notifications",
                "oscar.core.context_processors.metadata",
                "marketplace.currency.context_processors.currency",
                "marketplace.payments.context_processors.payments",
            ],
        },
    },
]

# Database: SQLite file unless DATABASE_URL is set (PostgreSQL in production and CI).
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = True
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=600)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
USES_POSTGRES = DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
if USES_POSTGRES:
    # PostgreSQL's default random_page_cost (4) assumes spinning disks and made the planner hash
    # 100,000 stock records where 1,000 index lookups were due (146 ms -> 10 ms at 1.1).
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = (
        f"-c random_page_cost={env.float('PG_RANDOM_PAGE_COST', default=1.1)}"
    )
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"

# Cache, sessions and tasks: Redis when REDIS_URL is set, else in-process defaults.
REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "marketplace.core.redis_cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", default="mp"),
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cache"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    SESSION_ENGINE = "django.contrib.sessions.backends.db"

CELERY_BROKER_URL = env("CELERY_BROKER_URL", default=REDIS_URL or "memory://")
CELERY_RESULT_BACKEND = env("CELERY_RESULT_BACKEND", default=REDIS_URL or None)
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=not REDIS_URL)
CELERY_TASK_EAGER_PROPAGATES = True
# A task is acknowledged when it returns (acks_late). On Redis its message waits meanwhile in
# the "unacked" set, and a worker redelivers it once it is older than the visibility timeout:
# a worker killed mid-task costs that long, not Redis's default hour. A task still running at
# that age would be delivered a second time, so the time limits stay below it (checked here);
# every task is idempotent in any case (README, "Background tasks").
_VISIBILITY_TIMEOUT = env.int("CELERY_VISIBILITY_TIMEOUT", default=300)
CELERY_TASK_SOFT_TIME_LIMIT = env.int("CELERY_TASK_SOFT_TIME_LIMIT", default=120)
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", default=150)
if not 0 < CELERY_TASK_SOFT_TIME_LIMIT < CELERY_TASK_TIME_LIMIT < _VISIBILITY_TIMEOUT:
    raise ImproperlyConfigured(
        "Celery needs 0 < CELERY_TASK_SOFT_TIME_LIMIT < CELERY_TASK_TIME_LIMIT < "
        "CELERY_VISIBILITY_TIMEOUT, or a running task is delivered twice."
    )
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": _VISIBILITY_TIMEOUT,
    # Look for timed-out messages every few seconds (kombu scans every 100 s by default).
    "unacked_restore_interval": max(1, min(10, _VISIBILITY_TIMEOUT // 10)),
    "unacked_restore_throttle": 1,
}
CELERY_TASK_ACKS_LATE = True
# A pool process that dies (OOM killer, segfault) puts its task back in the queue at once.
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TIMEZONE = "UTC"
# Celery beat (`celery -A marketplace beat`): each part adds its periodic tasks below.
CELERY_BEAT_SCHEDULE = {
    "forget-old-task-receipts": {"task": "idempotency.forget_old_receipts", "schedule": 86400},
}

# Uploads (marketplace/core/uploads.py): every kind's size limit in bytes, the pixel ceiling
# of pictures, and the files kept from invalid seller applications (drafts).
UPLOAD_MAX_PIXELS = env.int("UPLOAD_MAX_PIXELS", default=40_000_000)
SELLER_DOCUMENT_MAX_BYTES = env.int("SELLER_DOCUMENT_MAX_BYTES", default=10 * 1024 * 1024)
SELLER_PHOTO_MAX_BYTES = env.int("SELLER_PHOTO_MAX_BYTES", default=5 * 1024 * 1024)
# CERTIFICATE_MAX_UPLOAD_MB (megabytes) is the older name, still read.
CERTIFICATE_MAX_BYTES = env.int(
    "CERTIFICATE_MAX_BYTES", default=env.int("CERTIFICATE_MAX_UPLOAD_MB", default=10) * 1024 * 1024
)
CMS_UPLOAD_MAX_BYTES = env.int("CMS_UPLOAD_MAX_BYTES", default=10 * 1024 * 1024)
SELLER_DRAFT_MAX_FILES = env.int("SELLER_DRAFT_MAX_FILES", default=6)
SELLER_DRAFT_MAX_BYTES = env.int("SELLER_DRAFT_MAX_BYTES", default=30 * 1024 * 1024)
SELLER_DRAFT_MAX_AGE_DAYS = env.int("SELLER_DRAFT_MAX_AGE_DAYS", default=2)
CELERY_BEAT_SCHEDULE["sellers-delete-abandoned-drafts"] = {
    "task": "sellers.tasks.delete_abandoned_drafts",
    "schedule": 6 * 3600,
}

# Sellers (sellers/): the verifier, card-expiry warnings and the daily check.
SELLER_VERIFIER = env("SELLER_VERIFIER", default="sellers.verifiers.ManualReviewVerifier")
SELLER_CARD_WARNING_DAYS = env.int("SELLER_CARD_WARNING_DAYS", default=30)
CELERY_BEAT_SCHEDULE["sellers-card-expiry"] = {
    "task": "sellers.tasks.check_card_expiry",
    "schedule": env.int("SELLER_CARD_CHECK_SECONDS", default=6 * 60 * 60),
}

# Export (shipping/, compliance/): see the README's table.
SHIPPING_DEFAULT_PROCESSING_DAYS = env.int("SHIPPING_DEFAULT_PROCESSING_DAYS", default=3)
SHIPPING_DEFAULT_ITEM_WEIGHT_KG = env.float("SHIPPING_DEFAULT_ITEM_WEIGHT_KG", default=1.0)
# CN22 up to 300 SDR (about 4,000 MAD), CN23 above.
CUSTOMS_CN22_MAX_MAD = Decimal(env("CUSTOMS_CN22_MAX_MAD", default="4000"))
CERTIFICATE_EXPIRY_WARNING_DAYS = env.int("CERTIFICATE_EXPIRY_WARNING_DAYS", default=30)
CELERY_BEAT_SCHEDULE["certificates-expiry"] = {
    "task": "certificates.check_expiry",
    "schedule": 6 * 3600,
}
CELERY_BEAT_SCHEDULE["cms-publish-scheduled-pages"] = {
    "task": "cms.publish_scheduled_pages",
    "schedule": 60.0,
}

# Whole-page cache of anonymous storefront pages (marketplace/core/page_cache.py).
STOREFRONT_PAGE_CACHE = env.bool("STOREFRONT_PAGE_CACHE", default=True)
# Cookies holding a buyer's display choices: a cached page is stored once per combination.
PAGE_CACHE_VARY_COOKIES = ["currency", "country"]

# Files: local media by default; S3 (django-storages) when AWS_STORAGE_BUCKET_NAME is set.
MEDIA_ROOT = Path(env("MEDIA_ROOT", default=str(BASE_DIR / "media")))
MEDIA_URL = env("MEDIA_URL", default="/media/")
STATIC_ROOT = Path(env("STATIC_ROOT", default=str(BASE_DIR / "staticfiles")))
STATIC_URL = "/static/"
AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME", default="")
AWS_PRIVATE_BUCKET_NAME = env("AWS_PRIVATE_BUCKET_NAME", default="")
AWS_S3_ENDPOINT_URL = env("AWS_S3_ENDPOINT_URL", default=None)
AWS_S3_REGION_NAME = env("AWS_S3_REGION_NAME", default="eu-west-3")
AWS_S3_ADDRESSING_STYLE = env("AWS_S3_ADDRESSING_STYLE", default="auto")
AWS_S3_SIGNATURE_VERSION = "s3v4"
AWS_S3_FILE_OVERWRITE = False
AWS_QUERYSTRING_EXPIRE = env.int("AWS_QUERYSTRING_EXPIRE", default=300)
_static_storage = {
    "BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"
    if not DEBUG
    else "django.contrib.staticfiles.storage.StaticFilesStorage"
}
if AWS_STORAGE_BUCKET_NAME:
    # Refuses to start without a private bucket apart from the public one (marketplace/s3.py).
    STORAGES = {
        **s3_storages(
            bucket=AWS_STORAGE_BUCKET_NAME,
            private_bucket=AWS_PRIVATE_BUCKET_NAME,
            endpoint_url=AWS_S3_ENDPOINT_URL,
            region=AWS_S3_REGION_NAME,
            addressing_style=AWS_S3_ADDRESSING_STYLE,
            querystring_expire=AWS_QUERYSTRING_EXPIRE,
        ),
        "staticfiles": _static_storage,
    }
else:
    STORAGES = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {
                "location": env("PRIVATE_MEDIA_ROOT", default=str(BASE_DIR / "private-media")),
                "base_url": None,
            },
        },
        "staticfiles": _static_storage,
    }
WHITENOISE_MAX_AGE = 31536000 if not DEBUG else 0

# Languages: English (default), French, Arabic (right-to-left) and Spanish, each under its prefix.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("fr", _("French")),
    ("ar", _("Arabic")),
    ("es", _("Spanish")),
]
# locale_oscar/: our Arabic for Oscar strings, apart so that `make messages` keeps it.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_oscar"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
WAGTAIL_I18N_ENABLED = False
WAGTAILMODELTRANSLATION_LOCALE_PICKER = False

# Wagtail
WAGTAIL_SITE_NAME = "Dar Maalem Marketplace"
WAGTAILADMIN_BASE_URL = env("SITE_URL", default="http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Editors' uploads go through marketplace.core.uploads too (marketplace/cms/forms.py): JPEG,
# PNG and WebP pictures, re-encoded; PDF documents without active content.
WAGTAILIMAGES_IMAGE_FORM_BASE = "marketplace.cms.forms.ImageForm"
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = CMS_UPLOAD_MAX_BYTES
WAGTAILIMAGES_MAX_IMAGE_PIXELS = UPLOAD_MAX_PIXELS
WAGTAILDOCS_DOCUMENT_FORM_BASE = "marketplace.cms.forms.DocumentForm"
WAGTAILDOCS_EXTENSIONS = ["pdf"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = CMS_UPLOAD_MAX_BYTES

# Oscar
OSCAR_SHOP_NAME = "Dar Maalem"
OSCAR_SHOP_TAGLINE = _("Moroccan handicrafts, from the workshop to your door")
OSCAR_DEFAULT_CURRENCY = "MAD"
OSCAR_HOMEPAGE = reverse_lazy("home")
OSCAR_PRODUCTS_PER_PAGE = 24
OSCAR_ALLOW_ANON_CHECKOUT = True
OSCAR_MISSING_IMAGE_URL = "image_not_found.jpg"
# Oscar's file deletion needs sorl-thumbnail; the seller space deletes originals and renditions.
OSCAR_DELETE_IMAGE_FILES = False
OSCAR_THUMBNAILER = "catalog.thumbnails.RenditionThumbnailer"  # Oscar's default needs sorl


def _can_edit_shipping_rates(user, url_name, url_args=None, url_kwargs=None):
    return user.has_perm("shipping.change_rate")


# The curators' review queue lives at /<lang>/curation/sellers/ (sellers/curation/).
OSCAR_DASHBOARD_NAVIGATION = [
    *OSCAR_DASHBOARD_NAVIGATION,  # noqa: F405
    {
        "label": _("Seller applications"),
        "icon": "fas fa-user-check",
        "url_name": "curation:queue",
        "access_fn": dashboard_curator_access,
    },
    {
        "label": _("Shipping rates"),
        "icon": "fas fa-truck",
        "children": [
            {
                "label": _("Carriers and services"),
                "url_name": "shipping-dashboard-tables",
                "access_fn": _can_edit_shipping_rates,
            },
            {
                "label": _("Import a rate table"),
                "url_name": "shipping-dashboard-rates",
                "access_fn": _can_edit_shipping_rates,
            },
        ],
    },
]
# Oscar's search app imports haystack; our listing and search pages query the database directly,
# so haystack keeps no index and its per-save signal processor is turned off.
HAYSTACK_CONNECTIONS = {"default": {"ENGINE": "haystack.backends.simple_backend.SimpleEngine"}}
HAYSTACK_SIGNAL_PROCESSOR = "haystack.signals.BaseSignalProcessor"

# Seller space (sellers/space, sellers/fulfilment, sellers/payouts).
MARKETPLACE_COMMISSION_RATE = env.str("MARKETPLACE_COMMISSION_RATE", default="0.12")
PAYOUT_HOLD_DAYS = env.int("PAYOUT_HOLD_DAYS", default=14)
# Dotted path of ``f(order_line) -> Decimal`` giving a line's amount in MAD (the ledger's base).
PAYOUT_LINE_AMOUNT = "sellers.payouts.services.order_line_amount_mad"
SELLER_PHOTOS_PER_LISTING = env.int("SELLER_PHOTOS_PER_LISTING", default=8)
SELLER_CSV_MAX_BYTES = env.int("SELLER_CSV_MAX_BYTES", default=1024 * 1024)
SELLER_CSV_MAX_ROWS = env.int("SELLER_CSV_MAX_ROWS", default=500)

AUTHENTICATION_BACKENDS = [
    # First: refuses any login attempt while its account or its IP address is locked out.
    "marketplace.security.login_throttle.LoginThrottleBackend",
    "oscar.apps.customer.auth_backends.EmailBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_REDIRECT_URL = reverse_lazy("home")  # /<lang>/: a login or sign-up keeps the language

EMAIL_BACKEND = env("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Dar Maalem <hello@localhost>")

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

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="WARNING")},
}

if not USES_POSTGRES:
    # A file-backed test database lets `pytest --reuse-db` skip the 300+ migrations locally.
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / "test_db.sqlite3")}

# Checkout, payments, currencies (marketplace/checkout, marketplace/payments, marketplace/currency).
# Without STRIPE_SECRET_KEY, payments go to a local localstripe (make run starts it): test payments.
STRIPE_SECRET_KEY = env("STRIPE_SECRET_KEY", default="")
STRIPE_PUBLISHABLE_KEY = env("STRIPE_PUBLISHABLE_KEY", default="")
STRIPE_TEST_MODE = not STRIPE_SECRET_KEY
# With real keys and no webhook secret, every webhook is refused (never a guessable default).
STRIPE_WEBHOOK_SECRET = env(
    "STRIPE_WEBHOOK_SECRET", default="whsec_localstripe" if STRIPE_TEST_MODE else ""
)
STRIPE_API_VERSION = "2026-10-28.endive"  # the version stripe 16.1 is typed for
STRIPE_API_BASE = env(
    "STRIPE_API_BASE", default="http://127.0.0.1:8420" if STRIPE_TEST_MODE else ""
)
if STRIPE_TEST_MODE:
    STRIPE_SECRET_KEY, STRIPE_PUBLISHABLE_KEY = "sk_test_localstripe", "pk_test_localstripe"
STRIPE_JS_URL = (
    f"{STRIPE_API_BASE}/js.stripe.com/v3/" if STRIPE_TEST_MODE else "https://js.stripe.com/v3/"
)
# Minutes a unique piece stays reserved for a buyer whose payment has started.
STOCK_RESERVATION_MINUTES = env.int("STOCK_RESERVATION_MINUTES", default=30)
CURRENCY_RATES_FEED_URL = env("CURRENCY_RATES_FEED_URL", default="")
CELERY_BEAT_SCHEDULE["refresh-exchange-rates"] = {
    "task": "marketplace.currency.tasks.refresh_exchange_rates",
    "schedule": 6 * 3600,
}
CELERY_BEAT_SCHEDULE["release-expired-stock-reservations"] = {
    "task": "marketplace.payments.tasks.release_expired_reservations",
    "schedule": 60,
}
# Succeeded intents without an order: place the order, or refund a charge that can have none.
CELERY_BEAT_SCHEDULE["reconcile-stripe-charges"] = {
    "task": "marketplace.payments.tasks.reconcile_charges",
    "schedule": env.int("PAYMENT_RECONCILE_SECONDS", default=15 * 60),
}
