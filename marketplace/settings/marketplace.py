"""The marketplace's own settings: sellers, export, the page cache, the seller space, payments
and currencies."""

from decimal import Decimal

from marketplace.settings.environment import env

# Sellers (sellers/): the verifier, card-expiry warnings and the daily check.
SELLER_VERIFIER = env("SELLER_VERIFIER", default="sellers.verifiers.ManualReviewVerifier")
SELLER_CARD_WARNING_DAYS = env.int("SELLER_CARD_WARNING_DAYS", default=30)

# Export (shipping/, compliance/): see the README's table.
SHIPPING_DEFAULT_PROCESSING_DAYS = env.int("SHIPPING_DEFAULT_PROCESSING_DAYS", default=3)
SHIPPING_DEFAULT_ITEM_WEIGHT_KG = env.float("SHIPPING_DEFAULT_ITEM_WEIGHT_KG", default=1.0)
# CN22 up to 300 SDR (about 4,000 MAD), CN23 above.
CUSTOMS_CN22_MAX_MAD = Decimal(env("CUSTOMS_CN22_MAX_MAD", default="4000"))
# Packaging added to the pieces' net weight for the gross weight on customs papers (kg).
CUSTOMS_PACKAGING_KG = Decimal(env("CUSTOMS_PACKAGING_KG", default="0.300"))
# The marketplace's registrations printed as the importer's reference on CN22/CN23 where the
# destination collects VAT at the sale (compliance/importer.py): EU IOSS and UK VAT numbers.
CUSTOMS_IOSS_NUMBER = env("CUSTOMS_IOSS_NUMBER", default="")
CUSTOMS_UK_VAT_NUMBER = env("CUSTOMS_UK_VAT_NUMBER", default="")
CERTIFICATE_EXPIRY_WARNING_DAYS = env.int("CERTIFICATE_EXPIRY_WARNING_DAYS", default=30)

# Whole-page cache of anonymous storefront pages (marketplace/core/page_cache.py).
STOREFRONT_PAGE_CACHE = env.bool("STOREFRONT_PAGE_CACHE", default=True)
# The release the code is (the image's git commit, say): cached pages, cards, page chrome and
# list indexes are keyed by it, so a release never serves what an older one rendered.
CACHE_RELEASE = env("RELEASE", default="")
# How often a worker sends its tally of anonymous product views (catalog/product_views.py).
PRODUCT_VIEW_FLUSH_SECONDS = env.float("PRODUCT_VIEW_FLUSH_SECONDS", default=10)
# How long a cached page showing many products (lists, search, CMS pages) is kept: the bound on
# how late a price change or a sale shows there (a product page shows it at once).
STOREFRONT_LIST_PAGE_SECONDS = env.int("STOREFRONT_LIST_PAGE_SECONDS", default=5)
# How long a list's computed result (its order, facet counts, page of ids) is reused while
# products change (catalog/listing.py ``listing_revision``): under a stream of sales and price
# edits a list is brought up to date once in this time, not on every request. Cards read their
# prices and stock at once; only a list's order and counts may lag by this much.
STOREFRONT_LIST_RESULT_SECONDS = env.float("STOREFRONT_LIST_RESULT_SECONDS", default=2)
# How long a worker keeps its own copy of a value read under a versioned key, and how much it
# keeps (bytes, pickled): marketplace/core/local_cache.py.
STOREFRONT_LOCAL_CACHE_SECONDS = env.float("STOREFRONT_LOCAL_CACHE_SECONDS", default=30)
STOREFRONT_LOCAL_CACHE_BYTES = env.int("STOREFRONT_LOCAL_CACHE_BYTES", default=32 * 1024 * 1024)
# A cached page is stored once per resolved country, currency and rate freshness (from the
# cookies or Accept-Language: marketplace/currency/selection.py ``page_variant``).

# Seller space (sellers/space, sellers/fulfilment, sellers/payouts).
MARKETPLACE_COMMISSION_RATE = env.str("MARKETPLACE_COMMISSION_RATE", default="0.12")
# A credit becomes available PAYOUT_HOLD_DAYS after the carrier's tracking says delivered, or
# PAYOUT_MAX_DAYS_AFTER_SHIPMENT after shipment when tracking stays silent.
PAYOUT_HOLD_DAYS = env.int("PAYOUT_HOLD_DAYS", default=14)
PAYOUT_MAX_DAYS_AFTER_SHIPMENT = env.int("PAYOUT_MAX_DAYS_AFTER_SHIPMENT", default=60)
# The marketplace's account, debited by payout bank transfers (pain.001 / CSV batches).
PAYOUT_DEBTOR_NAME = env("PAYOUT_DEBTOR_NAME", default="Marketplace de l'artisanat marocain")
PAYOUT_DEBTOR_RIB = env("PAYOUT_DEBTOR_RIB", default="")
PAYOUT_DEBTOR_BIC = env("PAYOUT_DEBTOR_BIC", default="")
# Dotted path of ``f(order_line) -> Decimal`` giving a line's amount in MAD (the ledger's base).
PAYOUT_LINE_AMOUNT = "sellers.payouts.services.order_line_amount_mad"
SELLER_PHOTOS_PER_LISTING = env.int("SELLER_PHOTOS_PER_LISTING", default=8)
SELLER_CSV_MAX_BYTES = env.int("SELLER_CSV_MAX_BYTES", default=1024 * 1024)
SELLER_CSV_MAX_ROWS = env.int("SELLER_CSV_MAX_ROWS", default=500)
# The ZIP of photos sent with a CSV import: its size, its number of files, what it may expand to
# in all, and how much one file may expand (a zip bomb expands thousands of times).
SELLER_IMPORT_ZIP_MAX_BYTES = env.int("SELLER_IMPORT_ZIP_MAX_BYTES", default=50 * 1024 * 1024)
SELLER_IMPORT_ZIP_MAX_FILES = env.int("SELLER_IMPORT_ZIP_MAX_FILES", default=500)
SELLER_IMPORT_ZIP_MAX_EXPANDED = env.int(
    "SELLER_IMPORT_ZIP_MAX_EXPANDED", default=200 * 1024 * 1024
)
SELLER_IMPORT_ZIP_MAX_RATIO = env.int("SELLER_IMPORT_ZIP_MAX_RATIO", default=100)
# Photos by address (the CSV's photo_urls column), fetched by the import task only: public
# addresses only, no redirect, this many seconds per photo at most.
SELLER_IMPORT_URL_SCHEMES = env.list("SELLER_IMPORT_URL_SCHEMES", default=["https"])
SELLER_IMPORT_URL_TIMEOUT = env.int("SELLER_IMPORT_URL_TIMEOUT", default=10)
SELLER_IMPORT_URL_ALLOW_PRIVATE = env.bool("SELLER_IMPORT_URL_ALLOW_PRIVATE", default=False)

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

# Carrier tracking (sellers/fulfilment/tracking): webhook shared secrets (HMAC-SHA256 of the
# body; a carrier without one is refused), tracking API URLs ("{number}" is replaced) and keys.
TRACKING_WEBHOOK_SECRETS = {
    "barid": env("TRACKING_SECRET_BARID", default=""),
    "dhl": env("TRACKING_SECRET_DHL", default=""),
}
TRACKING_API_URLS = {
    "barid": env("TRACKING_API_URL_BARID", default=""),
    # DHL's: https://api-eu.dhl.com/track/shipments?trackingNumber={number}
    "dhl": env("TRACKING_API_URL_DHL", default=""),
}
TRACKING_API_KEYS = {
    "barid": env("TRACKING_API_KEY_BARID", default=""),
    "dhl": env("TRACKING_API_KEY_DHL", default=""),
}
TRACKING_HTTP_TIMEOUT = env.int("TRACKING_HTTP_TIMEOUT", default=10)
TRACKING_MAX_RESPONSE_BYTES = 2 * 1024 * 1024
# Returns (sellers/returns): the policy of a seller who has not written one, the seller's time
# to answer a request (then the buyer may take it to a curator), the days of processing from
# which a piece counts as made to order, and how long a buyer has to send an accepted return.
RETURNS_DEFAULT_POLICY = {
    "window_days": env.int("RETURNS_DEFAULT_WINDOW_DAYS", default=14),
    "reasons": ["damaged", "not_as_described", "wrong_item"],
    "return_shipping_paid_by": "seller",
    "unique_pieces_returnable": True,
    "made_to_order_returnable": False,
}
RETURNS_SELLER_ANSWER_DAYS = env.int("RETURNS_SELLER_ANSWER_DAYS", default=3)
RETURNS_MADE_TO_ORDER_MIN_DAYS = env.int("RETURNS_MADE_TO_ORDER_MIN_DAYS", default=7)
RETURNS_MAX_PHOTOS = 5
# The language of the curators' emails (user accounts keep none; a curator who is a member of
# a seller gets that seller's language).
CURATORS_LANGUAGE = env.str("CURATORS_LANGUAGE", default="fr")
