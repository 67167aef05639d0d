"""Every editorial page type renders in every language, with its own title and direction."""

import datetime

import pytest
from django.utils import translation

from marketplace.cms import models
from tests.factories import catalogue as factories
from tests.factories.cms import add_page, collection

LANGUAGES = [
    ("en", "ltr", "{} en"),
    ("fr", "ltr", "{} fr"),
    ("ar", "rtl", "{} عربي"),
    ("es", "ltr", "{} es"),
]


@pytest.fixture
def pages(home_page, product, craft, region):
    journal = add_page(home_page, models.JournalIndexPage, "Journal")
    return {
        "collection": collection(home_page, [product]),
        "story": add_page(home_page, models.ArtisanStoryPage, "Story", seller=product.seller),
        "craft": add_page(home_page, models.CraftPage, "Rug craft", category=craft),
        "region": add_page(home_page, models.RegionPage, "Marrakesh", region=region),
        "standard": add_page(home_page, models.StandardPage, "About"),
        "journal": journal,
        "article": add_page(journal, models.ArticlePage, "Indigo", author="Salma"),
    }


@pytest.mark.django_db
@pytest.mark.parametrize(
    "kind", ["collection", "story", "craft", "region", "standard", "journal", "article"]
)
@pytest.mark.parametrize("language, direction, title", LANGUAGES)
def test_page_renders_in_language_with_its_title_and_direction(
    client, pages, kind, language, direction, title
):
    page = pages[kind]
    name = page.title_en.removesuffix(" en")
    with translation.override(language):
        url = page.get_url()
    response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{language}" dir="{direction}"' in html
    assert f'<h1 class="page-title">{title.format(name)}</h1>' in html


@pytest.mark.django_db
def test_home_page_features_collections_and_artisans(client, home_page, pages):
    home_page.featured_collections.add(
        models.HomeFeaturedCollection(collection=pages["collection"])
    )
    home_page.featured_artisans.add(models.HomeFeaturedArtisan(story=pages["story"]))
    home_page.save_revision().publish()
    html = client.get("/fr/").content.decode()
    assert 'href="/fr/wedding-gifts/">Wedding gifts fr<' in html
    assert 'href="/fr/story/">Story fr<' in html


@pytest.mark.django_db
def test_home_page_leaves_out_unpublished_featured_pages(client, home_page, pages):
    home_page.featured_collections.add(
        models.HomeFeaturedCollection(collection=pages["collection"])
    )
    home_page.save_revision().publish()
    pages["collection"].unpublish()
    assert "Wedding gifts en" not in client.get("/en/").content.decode()


@pytest.mark.django_db
def test_home_page_links_crafts_and_regions_to_their_pages(client, home_page, pages, craft, region):
    html = client.get("/es/").content.decode()
    assert f'href="/es/rug-craft/">{craft.name_es}<' in html
    assert f'href="/es/marrakesh/">{region.name_es}<' in html


@pytest.mark.django_db
def test_artisan_story_lists_only_its_sellers_products(client, pages, product):
    other = factories.ProductFactory(title_en="Brass lantern 9", title="Brass lantern 9")
    html = client.get(pages["story"].get_url()).content.decode()
    assert f">{product.title}<" in html
    assert other.title not in html


@pytest.mark.django_db
def test_craft_page_lists_products_of_its_craft_only(client, pages, product):
    other = factories.ProductFactory(title_en="Brass lantern 9", title="Brass lantern 9")
    html = client.get(pages["craft"].get_url()).content.decode()
    assert f">{product.title}<" in html
    assert other.title not in html


@pytest.mark.django_db
def test_journal_lists_its_live_articles_newest_first(client, pages):
    journal = pages["journal"]
    add_page(journal, models.ArticlePage, "Older", date=datetime.date(2025, 1, 1))
    add_page(journal, models.ArticlePage, "Draft", publish=False)
    html = client.get(journal.get_url()).content.decode()
    assert html.index("Indigo en") < html.index("Older en")
    assert "Draft en" not in html


@pytest.mark.django_db
def test_home_page_links_a_craft_page_as_soon_as_it_is_published(client, home_page, craft):
    assert f'href="/en/rug-craft/">{craft.name_en}<' not in client.get("/en/").content.decode()
    add_page(home_page, models.CraftPage, "Rug craft", category=craft)
    assert f'href="/en/rug-craft/">{craft.name_en}<' in client.get("/en/").content.decode()
