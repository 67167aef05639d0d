"""seed_demo builds the editorial site in four languages, and a second run changes nothing."""

import pytest
from django.utils import translation
from wagtail.models import Page, Revision

from marketplace.cms import models
from tests.support.seeding import seed_demo

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def shared_media(tmp_path_factory):
    return tmp_path_factory.mktemp("cms-seed-media")


@pytest.fixture(autouse=True)
def _media_root(settings, shared_media):
    settings.MEDIA_ROOT = shared_media
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }


@pytest.fixture
def seeded(db):
    seed_demo(products=60)


def test_seed_builds_every_kind_of_editorial_page(seeded):
    live = Page.objects.live()
    assert models.CollectionPage.objects.live().count() == 3
    assert models.ArtisanStoryPage.objects.live().count() == 5
    assert models.CraftPage.objects.live().count() == 8
    assert models.RegionPage.objects.live().count() >= 5
    assert models.StandardPage.objects.live().count() == 6
    assert (
        models.ArticlePage.objects.live().child_of(models.JournalIndexPage.objects.get()).count()
        == 3
    )
    assert live.type(models.HomePage).count() == 1


def test_seed_collections_hold_purchasable_products(seeded):
    for page in models.CollectionPage.objects.all():
        assert page.products(), page.slug


def test_seed_features_collections_and_artisans_on_the_home_page(seeded):
    home = models.HomePage.objects.get()
    assert home.featured_collections.count() == 3
    assert home.featured_artisans.count() == 5


def test_seed_is_idempotent(seeded):
    before = (Page.objects.count(), Revision.objects.count())
    seed_demo(products=60)
    assert (Page.objects.count(), Revision.objects.count()) == before


@pytest.mark.parametrize(
    "language, title",
    [
        ("en", "One of a kind"),
        ("fr", "Pièces uniques"),
        ("ar", "قطع فريدة"),
        ("es", "Piezas únicas"),
    ],
)
def test_seed_pages_render_in_every_language(seeded, client, language, title):
    for page in Page.objects.live().filter(depth__gt=1).specific():
        with translation.override(language):
            url = page.get_url()
        assert client.get(url).status_code == 200, url
    with translation.override(language):
        url = models.CollectionPage.objects.get(slug_en="unique-pieces").get_url()
    assert f"{title}</h1>" in client.get(url).content.decode()


def test_seed_gives_collections_covers_and_stories_a_workshop_picture(seeded):
    assert all(page.cover_image for page in models.CollectionPage.objects.all())
    stories = [page for page in models.ArtisanStoryPage.objects.all() if page.products()]
    assert stories
    assert all(page.portrait for page in stories)
