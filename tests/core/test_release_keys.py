"""Cached values are keyed by the release: a new release never reads what an older one
cached (its templates' HTML, its list index), while data versions work as before."""

import pytest
from django.test import override_settings

from marketplace.core.cache import STOREFRONT, versioned

pytestmark = pytest.mark.django_db


def test_a_new_release_computes_its_own_value():
    with override_settings(CACHE_RELEASE="r1"):
        assert versioned(STOREFRONT, "chrome-test", lambda: "old html") == "old html"
    with override_settings(CACHE_RELEASE="r2"):
        assert versioned(STOREFRONT, "chrome-test", lambda: "new html") == "new html"


def test_the_same_release_reads_its_kept_value():
    with override_settings(CACHE_RELEASE="r1"):
        versioned(STOREFRONT, "chrome-test-same", lambda: "kept")
        assert versioned(STOREFRONT, "chrome-test-same", lambda: "recomputed") == "kept"
