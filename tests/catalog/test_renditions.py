"""Product images get WebP renditions, and pages use them only once they exist."""

from io import BytesIO

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from oscar.core.loading import get_model
from PIL import Image

from catalog.renditions import WIDTHS, rendition_name
from catalog.tasks import make_product_image_renditions
from tests.factories.catalogue import ProductFactory

ProductImage = get_model("catalogue", "ProductImage")


def jpeg(width=1000, height=1000, colour="#a63f27"):
    buffer = BytesIO()
    Image.new("RGB", (width, height), colour).save(buffer, "JPEG")
    return SimpleUploadedFile("piece.jpg", buffer.getvalue(), content_type="image/jpeg")


@pytest.fixture
def photographed(craft, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        product = ProductFactory(category=craft, image=jpeg())
    return product


@pytest.mark.django_db
def test_an_uploaded_image_gets_every_rendition(photographed):
    image = ProductImage.objects.get(product=photographed)
    assert image.renditions_ready
    for width in WIDTHS:
        with default_storage.open(rendition_name(image.original.name, width)) as handle:
            rendition = Image.open(handle)
            assert rendition.format == "WEBP"
            assert rendition.width == width


@pytest.mark.django_db
def test_a_small_image_is_never_enlarged(craft, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        product = ProductFactory(category=craft, image=jpeg(400, 300))
    image = ProductImage.objects.get(product=product)
    with default_storage.open(rendition_name(image.original.name, 800)) as handle:
        assert Image.open(handle).size == (400, 300)


@pytest.mark.django_db
def test_pages_offer_a_webp_srcset_once_renditions_exist(client, photographed):
    content = client.get(photographed.get_absolute_url()).content.decode()
    assert 'srcset="/media/renditions/' in content
    assert "-320.webp 320w" in content and "-800.webp 800w" in content


@pytest.mark.django_db
def test_pages_show_the_original_until_renditions_exist(client, craft):
    product = ProductFactory(category=craft, image=jpeg())
    content = client.get(product.get_absolute_url()).content.decode()
    assert "srcset=" not in content
    assert ".jpg" in content


@pytest.mark.django_db
def test_replacing_the_file_waits_for_new_renditions(photographed):
    image = ProductImage.objects.get(product=photographed)
    image.original = jpeg(colour="#2646a8")
    image.save()
    image.refresh_from_db()
    assert not image.renditions_ready


@pytest.mark.django_db
def test_listing_images_carry_size_and_lazy_loading_below_the_fold(client, craft):
    for _ in range(6):
        ProductFactory(category=craft, image=jpeg())
    content = client.get("/en/catalogue/").content.decode()
    assert content.count('width="800" height="800"') == 6
    assert content.count('loading="lazy"') == 2
    assert content.count('fetchpriority="high"') == 1


@pytest.mark.django_db
def test_home_page_new_pieces_load_lazily_below_the_hero(client, craft, home_page):
    for _ in range(3):
        ProductFactory(category=craft, image=jpeg())
    content = client.get("/en/").content.decode()
    assert content.count('width="800" height="800"') == 3
    assert content.count('loading="lazy"') >= 3
    assert 'fetchpriority="high"' not in content


@pytest.mark.django_db
def test_a_cached_card_switches_to_the_renditions_once_they_are_made(client, settings, craft):
    settings.STOREFRONT_PAGE_CACHE = False
    product = ProductFactory(category=craft, image=jpeg())  # renditions queued, not made yet
    url = craft.get_absolute_url()
    assert ".webp" not in client.get(url).content.decode()
    make_product_image_renditions(ProductImage.objects.get(product=product).pk)
    assert ".webp" in client.get(url).content.decode()
