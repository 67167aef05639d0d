"""A seller's public page: who they are, verified since when, and their pieces."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from marketplace.core.formats import format_date
from tests.factories.catalogue import ProductFactory
from tests.factories.sellers import ArtisanFactory
from tests.factories.uploads import png_upload


@pytest.fixture
def seller(db, craft):
    seller = ArtisanFactory(
        name="Maâlem Hassan",
        story_en="Zellige cutter in Fez for thirty years.",
        photo=png_upload(),
        languages_spoken=["ar", "zgh", "fr"],
    )
    seller.craft_branches.add(craft)
    return seller


@pytest.mark.django_db
def test_the_page_shows_profile_photo_story_languages_crafts_and_badge(client, seller):
    body = client.get(seller.get_absolute_url()).content.decode()
    assert "Maâlem Hassan" in body
    assert seller.photo.url in body
    assert "Zellige cutter in Fez" in body
    assert "Tamazight" in body and "French" in body
    assert "Rugs" in body
    assert "Verified seller" in body
    assert f"since {format_date(seller.verified_at)}" in body
    assert "Marrakesh-Safi" in body and "Artisan" in body


@pytest.mark.django_db
def test_the_page_is_in_the_visitors_language(client, seller):
    body = client.get("/ar" + seller.get_absolute_url()[3:]).content.decode()
    assert 'dir="rtl"' in body and "زرابي" in body


def page_queries(client, seller):
    client.get(seller.get_absolute_url())  # warm per-process caches (craft menu, site root)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(seller.get_absolute_url()).status_code == 200
    return len(queries)


@pytest.mark.django_db
def test_queries_do_not_grow_with_the_number_of_products(client, seller, settings):
    settings.STOREFRONT_PAGE_CACHE = False
    ProductFactory.create_batch(2, stockrecord__seller=seller)
    few = page_queries(client, seller)
    ProductFactory.create_batch(20, stockrecord__seller=seller)
    assert page_queries(client, seller) == few <= 15
