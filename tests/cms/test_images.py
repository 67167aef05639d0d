"""Editorial pictures are served as WebP renditions, in the widths the layout needs."""

import re

import pytest
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from marketplace.cms import models
from tests.factories.cms import add_page

pytestmark = pytest.mark.django_db


def picture():
    return Image.objects.create(title="Cover", file=get_test_image_file(size=(1600, 900)))


def image_tags(client, page):
    response = client.get(page.get_url())
    assert response.status_code == 200
    return re.findall(r"<img [^>]*>", response.content.decode())


def test_cover_offers_webp_widths_for_phones_and_desktops(client, home_page):
    page = add_page(home_page, models.CollectionPage, "Blue pottery", cover_image=picture())
    cover = next(tag for tag in image_tags(client, page) if 'fetchpriority="high"' in tag)
    widths = re.findall(r"\.webp (\d+)w", cover)
    assert widths == ["600", "1200"]
    assert 'sizes="(min-width: 1232px) 1200px, 100vw"' in cover


def test_featured_collection_card_picture_is_webp_and_lazy(client, home_page):
    page = add_page(home_page, models.CollectionPage, "Blue pottery", cover_image=picture())
    home_page.featured_collections.add(models.HomeFeaturedCollection(collection=page))
    home_page.save_revision().publish()
    card = next(tag for tag in image_tags(client, home_page) if "fill-480x320" in tag)
    assert ".webp" in card and 'loading="lazy"' in card
