"""What the test suite runs on: the base settings, with fast password hashing, in-memory email
and, on SQLite, a test database in a file that ``pytest --reuse-db`` keeps."""

from marketplace.settings.base import *  # noqa: F403
from marketplace.settings.base import BASE_DIR, DATABASES, USES_POSTGRES

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
if not USES_POSTGRES:
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / "test_db.sqlite3")}
# Lists follow every change at once, except in the tests of that window.
STOREFRONT_LIST_RESULT_SECONDS = 0
# Nor does a worker keep its own copy of versioned values, except in the tests of that copy.
STOREFRONT_LOCAL_CACHE_SECONDS = 0
# Every anonymous product view is sent at once, except in the tests of the tally.
PRODUCT_VIEW_FLUSH_SECONDS = 0
