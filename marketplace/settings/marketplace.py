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
CERTIFICATE_EXPIRY_WARNING_DAYS = env.int("CERTIFICATE_EXPIRY_WARNING_DAYS", default=30)

# Whole-page cache of anonymous storefront pages (marketplace/core/page_cache.py).
STOREFRONT_PAGE_CACHE = env.bool("STOREFRONT_PAGE_CACHE", default=True)
# Cookies holding a buyer's display choices: a cached page is stored once per combination.
PAGE_CACHE_VARY_COOKIES = ["currency", "country"]

# Seller space (sellers/space, sellers/fulfilment, sellers/payouts).
MARKETPLACE_COMMISSION_RATE = env.str("MARKETPLACE_COMMISSION_RATE", default="0.12")
PAYOUT_HOLD_DAYS = env.int("PAYOUT_HOLD_DAYS", default=14)
# Dotted path of ``f(order_line) -> Decimal`` giving a line's amount in MAD (the ledger's base).
PAYOUT_LINE_AMOUNT = "sellers.payouts.services.order_line_amount_mad"
SELLER_PHOTOS_PER_LISTING = env.int("SELLER_PHOTOS_PER_LISTING", default=8)
SELLER_CSV_MAX_BYTES = env.int("SELLER_CSV_MAX_BYTES", default=1024 * 1024)
SELLER_CSV_MAX_ROWS = env.int("SELLER_CSV_MAX_ROWS", default=500)

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
