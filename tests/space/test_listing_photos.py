"""A new listing starts with its photos (several from one pick); without a photo it stays out of
the shop, and the seller is told so."""

import io

import pytest
from django.urls import reverse
from oscar.core.loading import get_model
from PIL import Image

from tests.factories.catalogue import RegionFactory, SellerFactory, rug_craft
from tests.factories.orders import product_of
from tests.factories.uploads import image_upload
from tests.factories.users import member_of

pytestmark = pytest.mark.django_db

Product = get_model("catalogue", "Product")
ApplicationDraft = get_model("partner", "ApplicationDraft")


@pytest.fixture
def seller():
    return SellerFactory()


@pytest.fixture
def member(client, seller):
    client.force_login(member_of(seller))
    return client


@pytest.fixture
def listing_data():
    return {
        "title_fr": "Tapis Beni Ouarain",
        "craft": rug_craft().pk,
        "region": RegionFactory().pk,
        "price": "4500",
        "num_in_stock": "1",
        "weight_kg": "6,5",
        "is_public": "on",
    }


def photos_of_widths(*widths):
    return [image_upload(name=f"photo-{width}.jpg", size=(width, 30)) for width in widths]


def stored_widths(product):
    widths = []
    for image in product.images.order_by("display_order"):
        with image.original.open("rb") as handle:
            widths.append(Image.open(io.BytesIO(handle.read())).width)
    return widths


def create(client, data, **headers):
    return client.post(reverse("seller_space:listing-create"), data, headers=headers)


def test_three_photos_from_one_pick_are_saved_in_the_order_chosen(member, listing_data):
    response = create(member, {**listing_data, "photos": photos_of_widths(41, 42, 43)})
    product = Product.objects.get(title_fr="Tapis Beni Ouarain")
    assert response.url == reverse("seller_space:photos", args=[product.pk])
    assert stored_widths(product) == [41, 42, 43]
    assert Product.objects.sellable().filter(pk=product.pk).exists()


def test_the_script_that_shows_progress_is_told_where_to_go(member, listing_data):
    response = create(
        member, {**listing_data, "photos": photos_of_widths(40)}, x_requested_with="XMLHttpRequest"
    )
    product = Product.objects.get(title_fr="Tapis Beni Ouarain")
    assert response.json() == {"location": reverse("seller_space:photos", args=[product.pk])}


def test_the_photo_input_takes_several_images(member):
    html = member.get(reverse("seller_space:listing-create")).content.decode()
    assert 'type="file" name="photos"' in html
    assert "multiple" in html and 'accept="image/jpeg,image/png,image/webp"' in html
    assert 'enctype="multipart/form-data"' in html


def test_a_listing_saved_without_a_photo_is_hidden_and_the_seller_told(member, listing_data):
    create(member, listing_data)
    product = Product.objects.get(title_fr="Tapis Beni Ouarain")
    assert not Product.objects.sellable().filter(pk=product.pk).exists()
    assert member.get(product.get_absolute_url()).status_code == 404
    listings = member.get(reverse("seller_space:listings")).content.decode()
    assert "Hidden until it has a photo" in listings
    assert (
        "Hidden until it has a photo"
        in member.get(reverse("seller_space:listing-edit", args=[product.pk])).content.decode()
    )


def test_one_photo_puts_the_listing_in_the_shop(member, seller):
    product = product_of(seller, image=False)
    assert not Product.objects.sellable().filter(pk=product.pk).exists()
    member.post(reverse("seller_space:photos", args=[product.pk]), {"photos": photos_of_widths(40)})
    assert Product.objects.sellable().filter(pk=product.pk).exists()
    assert (
        "Hidden until it has a photo"
        not in member.get(reverse("seller_space:listings")).content.decode()
    )


def test_deleting_the_last_photo_takes_the_listing_out_of_the_shop_lists(
    member, seller, django_capture_on_commit_callbacks
):
    product = product_of(seller, image=False, title_en="Lone lantern")
    member.post(reverse("seller_space:photos", args=[product.pk]), {"photos": photos_of_widths(40)})
    assert "Lone lantern" in member.get("/en/search/?q=lantern").content.decode()
    photo = product.images.get()
    url = reverse("seller_space:photo-action", args=[product.pk, photo.pk, "delete"])
    with django_capture_on_commit_callbacks(execute=True):
        member.post(url, {"confirmed": "yes"})
    assert not product.images.exists()
    assert not Product.objects.sellable().filter(pk=product.pk).exists()
    member.logout()
    assert "Lone lantern" not in member.get("/en/search/?q=lantern").content.decode()


def test_several_photos_are_added_at_once_and_one_made_the_main_photo(member, seller):
    product = product_of(seller, image=False)
    url = reverse("seller_space:photos", args=[product.pk])
    member.post(url, {"photos": photos_of_widths(41, 42, 43)})
    third = product.images.order_by("display_order")[2]
    member.post(reverse("seller_space:photo-action", args=[product.pk, third.pk, "main"]))
    assert stored_widths(product) == [43, 41, 42]


def test_photos_beyond_the_limit_are_refused_together(member, listing_data, settings):
    settings.SELLER_PHOTOS_PER_LISTING = 2
    response = create(member, {**listing_data, "photos": photos_of_widths(41, 42, 43)})
    assert "A listing has 2 photos at most." in response.content.decode()
    assert not Product.objects.filter(title_fr="Tapis Beni Ouarain").exists()


def test_a_bad_photo_is_named_in_the_error(member, listing_data):
    bad = image_upload("GIF", name="cat.gif")
    response = create(member, {**listing_data, "photos": [*photos_of_widths(41), bad]})
    assert "cat.gif: Send a file of one of these kinds" in response.content.decode()
    assert not Product.objects.exists()


def test_photos_sent_with_an_invalid_form_are_kept_for_the_next_attempt(member, listing_data):
    response = create(member, {**listing_data, "price": "", "photos": photos_of_widths(41, 42)})
    assert response.status_code == 200
    assert "2 photos received" in response.content.decode()
    assert ApplicationDraft.objects.count() == 2
    create(member, {**listing_data, "photos": photos_of_widths(43)})
    product = Product.objects.get(title_fr="Tapis Beni Ouarain")
    assert stored_widths(product) == [41, 42, 43]
    assert not ApplicationDraft.objects.exists()


def test_kept_photos_count_against_the_draft_quota(member, listing_data, settings):
    settings.SELLER_DRAFT_MAX_FILES = 1
    create(member, {**listing_data, "price": "", "photos": photos_of_widths(41, 42)})
    assert ApplicationDraft.objects.count() == 1
