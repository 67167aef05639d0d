"""Listing photos: uploads checked by content and size, reorder, delete, isolation."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from oscar.core.loading import get_model

from tests.factories.catalogue import SellerFactory
from tests.factories.orders import product_of
from tests.factories.uploads import image_upload
from tests.factories.users import member_of

pytestmark = pytest.mark.django_db

ProductImage = get_model("catalogue", "ProductImage")


@pytest.fixture
def seller():
    return SellerFactory()


@pytest.fixture
def member(client, seller):
    client.force_login(member_of(seller))
    return client


@pytest.fixture
def product(seller):
    return product_of(seller, image=False)


def upload(client, product, file):
    return client.post(reverse("seller_space:photos", args=[product.pk]), {"photos": file})


def orders(product):
    return list(product.images.order_by("display_order").values_list("pk", flat=True))


@pytest.mark.parametrize(
    ("image_format", "extension"), [("JPEG", "jpg"), ("PNG", "png"), ("WEBP", "webp")]
)
def test_jpeg_png_and_webp_photos_are_accepted(member, product, image_format, extension):
    response = upload(member, product, image_upload(image_format, name="holiday.bin"))
    assert response.status_code == 302
    image = product.images.get()
    assert image.original.name.endswith(f".{extension}")  # named by content, not by the client
    assert "holiday" not in image.original.name


def test_gif_is_refused(member, product):
    response = upload(member, product, image_upload("GIF"))
    assert response.status_code == 200
    assert not product.images.exists()


def test_text_disguised_as_jpeg_is_refused(member, product):
    fake = SimpleUploadedFile("photo.jpg", b"<html><script>alert(1)</script></html>", "image/jpeg")
    response = upload(member, product, fake)
    assert "JPEG, PNG, WebP" in response.content.decode()
    assert not product.images.exists()


def test_svg_is_refused(member, product):
    svg = SimpleUploadedFile("logo.png", b'<svg xmlns="http://www.w3.org/2000/svg"/>', "image/png")
    upload(member, product, svg)
    assert not product.images.exists()


def test_photo_at_the_size_limit_is_accepted_and_one_byte_more_refused(member, product, settings):
    photo = image_upload("PNG")
    settings.SELLER_PHOTO_MAX_BYTES = photo.size
    assert upload(member, product, photo).status_code == 302
    settings.SELLER_PHOTO_MAX_BYTES = photo.size - 1
    photo.seek(0)
    assert upload(member, product, photo).status_code == 200
    assert product.images.count() == 1


def test_photo_count_per_listing_is_limited(member, product, settings):
    settings.SELLER_PHOTOS_PER_LISTING = 2
    for _ in range(3):
        upload(member, product, image_upload())
    assert product.images.count() == 2


def test_new_photos_go_last(member, product):
    for _ in range(3):
        upload(member, product, image_upload())
    assert list(product.images.values_list("display_order", flat=True)) == [0, 1, 2]


def test_move_a_photo_earlier_and_later(member, product):
    for _ in range(3):
        upload(member, product, image_upload())
    first, second, third = orders(product)
    member.post(reverse("seller_space:photo-action", args=[product.pk, third, "up"]))
    assert orders(product) == [first, third, second]
    member.post(reverse("seller_space:photo-action", args=[product.pk, first, "down"]))
    assert orders(product) == [third, first, second]


def test_moving_the_first_photo_earlier_changes_nothing(member, product):
    for _ in range(2):
        upload(member, product, image_upload())
    before = orders(product)
    member.post(reverse("seller_space:photo-action", args=[product.pk, before[0], "up"]))
    assert orders(product) == before


def test_delete_a_photo_closes_the_gap(member, product):
    for _ in range(3):
        upload(member, product, image_upload())
    first, second, third = orders(product)
    url = reverse("seller_space:photo-action", args=[product.pk, first, "delete"])
    member.post(url, {"confirmed": "yes"})
    assert orders(product) == [second, third]
    assert list(product.images.values_list("display_order", flat=True)) == [0, 1]


def test_moving_a_photo_refuses_get(member, product):
    upload(member, product, image_upload())
    for action in ("up", "down"):
        url = reverse("seller_space:photo-action", args=[product.pk, orders(product)[0], action])
        assert member.get(url).status_code == 405


def test_delete_link_asks_first_and_deletes_nothing(member, product):
    upload(member, product, image_upload())
    url = reverse("seller_space:photo-action", args=[product.pk, orders(product)[0], "delete"])
    response = member.get(url)
    assert response.status_code == 200
    assert 'name="confirmed" value="yes"' in response.content.decode()
    assert 'class="space-nav"' in response.content.decode()
    assert product.images.exists()


def test_an_unconfirmed_delete_post_asks_first(member, product):
    upload(member, product, image_upload())
    url = reverse("seller_space:photo-action", args=[product.pk, orders(product)[0], "delete"])
    response = member.post(url)
    assert response.status_code == 200
    assert f'action="{url}"' in response.content.decode()
    assert product.images.exists()


def test_cannot_see_or_add_photos_to_another_sellers_listing(member):
    theirs = product_of(SellerFactory(), image=False)
    assert member.get(reverse("seller_space:photos", args=[theirs.pk])).status_code == 404
    assert upload(member, theirs, image_upload()).status_code == 404
    assert not theirs.images.exists()


def test_cannot_delete_another_sellers_photo_through_own_listing(member, product):
    theirs = product_of(SellerFactory(), image=False)
    photo = ProductImage.objects.create(product=theirs, original="x.jpg", display_order=0)
    for action in ("delete", "up", "down"):
        url = reverse("seller_space:photo-action", args=[product.pk, photo.pk, action])
        assert member.post(url, {"confirmed": "yes"}).status_code == 404
    url = reverse("seller_space:photo-action", args=[theirs.pk, photo.pk, "delete"])
    assert member.post(url, {"confirmed": "yes"}).status_code == 404
    assert member.get(url).status_code == 404
    assert ProductImage.objects.filter(pk=photo.pk).exists()


def test_photos_page_renders_in_arabic(member, product):
    upload(member, product, image_upload())
    response = member.get(f"/ar/my-shop/listings/{product.pk}/photos/")
    assert response.status_code == 200
    assert 'dir="rtl"' in response.content.decode()


def test_deleting_a_photo_removes_its_file(member, product, django_capture_on_commit_callbacks):
    upload(member, product, image_upload())
    image = product.images.get()
    storage, name = image.original.storage, image.original.name
    assert storage.exists(name)
    url = reverse("seller_space:photo-action", args=[product.pk, image.pk, "delete"])
    with django_capture_on_commit_callbacks(execute=True):
        member.post(url, {"confirmed": "yes"})
    assert not storage.exists(name)
