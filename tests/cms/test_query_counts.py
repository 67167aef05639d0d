"""Each editorial page costs the same SQL queries with 2 or 20 products to show."""

import itertools

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from marketplace.cms import models
from tests.factories.catalogue import CategoryFactory, ProductFactory, RegionFactory, SellerFactory
from tests.factories.cms import add_page

pytestmark = pytest.mark.django_db
BUDGET = 15
NUMBERS = itertools.count()


def build(home_page, kind, count):
    seller = SellerFactory()
    craft = CategoryFactory()
    number = next(NUMBERS)
    region = RegionFactory(code=f"region-{number}")
    for _ in range(count):
        ProductFactory(stockrecord__seller=seller, category=craft, region=region)
    fields = {
        "story": (models.ArtisanStoryPage, {"seller": seller}),
        "craft": (models.CraftPage, {"category": craft}),
        "region": (models.RegionPage, {"region": region}),
    }
    page_class, values = fields[kind]
    return add_page(home_page, page_class, f"{kind} {number}", **values)


def queries_for(client, page):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(page.get_url()).status_code == 200
    return len(queries)


@pytest.mark.parametrize("kind", ["story", "craft", "region"])
def test_page_queries_do_not_grow_with_its_products(client, home_page, settings, kind):
    settings.STOREFRONT_PAGE_CACHE = False
    small, large = build(home_page, kind, 2), build(home_page, kind, 20)
    queries_for(client, small)
    small_count, large_count = queries_for(client, small), queries_for(client, large)
    assert large_count == small_count
    assert large_count <= BUDGET


def picture():
    return Image.objects.create(title=f"Picture {next(NUMBERS)}", file=get_test_image_file())


def feature(home_page, count):
    for n in range(count):
        story = build(home_page, "story", n + 1)
        story.portrait = picture()
        story.save_revision().publish()
        home_page.featured_artisans.add(models.HomeFeaturedArtisan(story=story))
        page = add_page(
            home_page, models.CollectionPage, f"collection {next(NUMBERS)}", cover_image=picture()
        )
        home_page.featured_collections.add(models.HomeFeaturedCollection(collection=page))
        build(home_page, "craft", n + 1)
        build(home_page, "region", n + 1)
    home_page.save_revision().publish()


def test_home_page_queries_do_not_grow_with_featured_pages_and_their_pictures(
    client, home_page, settings
):
    settings.STOREFRONT_PAGE_CACHE = False
    feature(home_page, 1)
    queries_for(client, home_page)
    before = queries_for(client, home_page)
    feature(home_page, 4)
    queries_for(client, home_page)  # the first render after a publish refills Wagtail's caches
    after = queries_for(client, home_page)
    assert after == before
    assert after <= BUDGET


def test_journal_queries_do_not_grow_with_its_articles(client, home_page, settings):
    settings.STOREFRONT_PAGE_CACHE = False
    journal = add_page(home_page, models.JournalIndexPage, "Journal")
    add_page(journal, models.ArticlePage, "Article 0", cover_image=picture())
    queries_for(client, journal)
    one = queries_for(client, journal)
    for n in range(1, 6):
        add_page(journal, models.ArticlePage, f"Article {n}", cover_image=picture())
    queries_for(client, journal)
    assert queries_for(client, journal) == one
