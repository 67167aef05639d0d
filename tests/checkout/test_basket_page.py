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
