"""A seller's name in both scripts: pages show the one that fits their language."""

import pytest
from django.utils import translation

from tests.factories.catalogue import SellerFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "Cooperative Tamounte"), ("fr", "Cooperative Tamounte"), ("ar", "تعاونية تامونت")],
)
def test_display_name_follows_the_page_language(language, expected):
    seller = SellerFactory(
        name="تعاونية تامونت", name_latin="Cooperative Tamounte", name_arabic="تعاونية تامونت"
    )
    with translation.override(language):
        assert seller.display_name == expected


def test_a_missing_script_falls_back_on_the_name_as_typed():
    seller = SellerFactory(name="Atelier Safi", name_latin="", name_arabic="")
    with translation.override("ar"):
        assert seller.display_name == "Atelier Safi"
