"""Every editorial page type renders in every language, with its own title and direction."""

import pytest
from django.utils import translation

from marketplace.cms import models
from tests.factories_cms import add_page, collection

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
