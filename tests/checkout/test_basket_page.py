"""The basket shows each line's photo from our renditions, with no thumbnail library."""

import logging
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from tests.factories.catalogue import ProductFactory


def jpeg(name="rug.jpg"):
    buffer = BytesIO()
    Image.new("RGB", (20, 20), "red").save(buffer, "JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


@pytest.mark.django_db
def test_basket_line_shows_the_product_photo_without_errors(client, caplog):
    product = ProductFactory(image=jpeg())
    client.post(f"/en/basket/add/{product.pk}/", {"quantity": 1})
    with caplog.at_level(logging.ERROR):
        response = client.get("/en/basket/")
    image = product.images.get()
    assert response.status_code == 200
    assert image.original.url in response.content.decode()
    assert [r for r in caplog.records if r.levelno >= logging.ERROR] == []


@pytest.mark.django_db
@pytest.mark.parametrize("typed", ["2", "٢", "۲"])
def test_a_quantity_typed_in_arabic_digits_is_the_quantity_meant(client, typed):
    product = ProductFactory()
    client.post(f"/ar/basket/add/{product.pk}/", {"quantity": typed})
    response = client.get("/ar/basket/")
    assert [line.quantity for line in response.context["basket"].all_lines()] == [2]


@pytest.mark.django_db
def test_quantity_inputs_are_text_inputs_with_the_numeric_keypad(client):
    product = ProductFactory(is_unique_piece=False)
    detail = client.get(product.get_absolute_url()).content.decode()
    client.post(f"/en/basket/add/{product.pk}/", {"quantity": 1})
    basket = client.get("/en/basket/").content.decode()
    assert 'name="quantity"' in detail and 'name="form-0-quantity"' in basket
    for html in (detail, basket):
        assert 'type="number"' not in html and 'inputmode="numeric"' in html
