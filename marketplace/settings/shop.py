"""Oscar and Wagtail: the shop, its dashboard navigation, the CMS."""

from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from oscar.defaults import *  # noqa: F403

from compliance.permissions import dashboard_rules_access
from marketplace.order_status.pipeline import INITIAL as ORDER_STATUS_INITIAL
from marketplace.order_status.pipeline import PIPELINE as ORDER_STATUS_PIPELINE
from marketplace.settings.environment import env
from marketplace.settings.files import CMS_UPLOAD_MAX_BYTES, UPLOAD_MAX_PIXELS
from sellers.payouts.permissions import (
    dashboard_disputes_access,
    dashboard_payouts_access,
    dashboard_totals_access,
)
from sellers.permissions import dashboard_curator_access
from shipping.permissions import dashboard_rates_access
from wholesale.permissions import dashboard_staff_access

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
# Order statuses (codes; labels and the rule in marketplace/order_status/).
OSCAR_INITIAL_ORDER_STATUS = ORDER_STATUS_INITIAL
OSCAR_ORDER_STATUS_PIPELINE = ORDER_STATUS_PIPELINE


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
        "label": _("Payouts"),
        "icon": "fas fa-money-check",
        "children": [
            {
                "label": _("Payout runs"),
                "url_name": "payouts-dashboard:runs",
                "access_fn": dashboard_payouts_access,
            },
            {
                "label": _("Disputes"),
                "url_name": "payouts-dashboard:disputes",
                "access_fn": dashboard_disputes_access,
            },
            {
                "label": _("Monthly totals"),
                "url_name": "payouts-dashboard:totals",
                "access_fn": dashboard_totals_access,
            },
        ],
    },
    {
        "label": _("Business buyers"),
        "icon": "fas fa-building",
        "url_name": "wholesale-dashboard-queue",
        "access_fn": dashboard_staff_access,
    },
    {
        "label": _("Wholesale freight"),
        "icon": "fas fa-pallet",
        "url_name": "wholesale-dashboard-freight",
        "access_fn": dashboard_staff_access,
    },
    {
        "label": _("Shipping rates"),
        "icon": "fas fa-truck",
        "children": [
            {
                "label": _("Carriers and services"),
                "url_name": "shipping-dashboard-tables",
                "access_fn": dashboard_rates_access,
            },
            {
                "label": _("Import a rate table"),
                "url_name": "shipping-dashboard-rates",
                "access_fn": dashboard_rates_access,
            },
        ],
    },
    {
        "label": _("Export rules"),
        "icon": "fas fa-balance-scale",
        "children": [
            {
                "label": _("Destination rules"),
                "url_name": "compliance-dashboard-list",
                "url_kwargs": {"table": "destination-rules"},
                "access_fn": dashboard_rules_access,
            },
            {
                "label": _("Import regimes"),
                "url_name": "compliance-dashboard-list",
                "url_kwargs": {"table": "import-regimes"},
                "access_fn": dashboard_rules_access,
            },
            {
                "label": _("Duty rates"),
                "url_name": "compliance-dashboard-list",
                "url_kwargs": {"table": "duty-rates"},
                "access_fn": dashboard_rules_access,
            },
        ],
    },
]
# Oscar's search app imports haystack; our listing and search pages query the database directly,
# so haystack keeps no index and its per-save signal processor is turned off.
HAYSTACK_CONNECTIONS = {"default": {"ENGINE": "haystack.backends.simple_backend.SimpleEngine"}}
HAYSTACK_SIGNAL_PROCESSOR = "haystack.signals.BaseSignalProcessor"
