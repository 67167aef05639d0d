"""Private documents: accepted by content and size, stored privately, served to members only."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from sellers import documents
from tests.factories_sellers import (
    PDF_BYTES,
    ArtisanFactory,
    UserFactory,
    curator,
    image_bytes,
    jpeg_upload,
    pdf_upload,
    png_upload,
)


def upload(name, content):
    return SimpleUploadedFile(name, content)


@pytest.mark.parametrize("make", [pdf_upload, png_upload, jpeg_upload])
def test_pdf_png_and_jpeg_documents_are_accepted(make):
    documents.validate_document(make())


@pytest.mark.parametrize(
    "content",
    [
        b"<!DOCTYPE html><html><script>alert(1)</script></html>",
        b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        b"PK\x03\x04 a zip archive",
        b"GIF89a" + b"\x00" * 20,
    ],
)
def test_html_svg_zip_or_gif_named_pdf_is_refused(content):
    with pytest.raises(ValidationError) as info:
        documents.validate_document(upload("card.pdf", content))
    assert info.value.code == "file_type"
    assert "PDF, JPEG or PNG" in str(info.value.message)


def test_a_truncated_png_is_refused():
    with pytest.raises(ValidationError) as info:
        documents.validate_document(upload("card.png", image_bytes("PNG")[:40]))
    assert info.value.code == "file_damaged"


def test_a_document_at_the_size_limit_is_accepted(settings):
    settings.SELLER_DOCUMENT_MAX_BYTES = len(PDF_BYTES)
    documents.validate_document(pdf_upload())


def test_a_document_one_byte_over_the_limit_is_refused(settings):
    settings.SELLER_DOCUMENT_MAX_BYTES = len(PDF_BYTES) - 1
    with pytest.raises(ValidationError) as info:
        documents.validate_document(pdf_upload())
    assert info.value.code == "file_size"


def test_a_pdf_is_not_accepted_as_a_photo():
    with pytest.raises(ValidationError):
        documents.validate_photo(pdf_upload("me.png"))


@pytest.mark.django_db
def test_a_document_is_stored_privately_under_a_random_name_of_its_real_type(tmp_path):
    seller = ArtisanFactory(card_scan=pdf_upload("Amina Alaoui card.html"))
    assert seller.card_scan.name.startswith("sellers/cards/")
    assert seller.card_scan.name.endswith(".pdf")
    assert "Amina" not in seller.card_scan.name
    assert (tmp_path / "private" / seller.card_scan.name).exists()
    assert not (tmp_path / "media" / seller.card_scan.name).exists()


@pytest.fixture
def seller_with_scan(db):
    member = UserFactory()
    seller = ArtisanFactory(card_scan=pdf_upload(), members=[member])
    return seller, member


def document_url(seller, name="card_scan"):
    return reverse("sell:document", kwargs={"pk": seller.pk, "name": name})


@pytest.mark.django_db
def test_a_member_of_the_seller_gets_its_document(client, seller_with_scan):
    seller, member = seller_with_scan
    client.force_login(member)
    response = client.get(document_url(seller))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "private, no-store"
    assert b"".join(response.streaming_content) == PDF_BYTES


@pytest.mark.django_db
def test_a_curator_gets_a_sellers_document(client, seller_with_scan):
    seller, _member = seller_with_scan
    client.force_login(curator())
    assert client.get(document_url(seller)).status_code == 200


@pytest.mark.django_db
def test_another_sellers_member_gets_404(client, seller_with_scan):
    seller, _member = seller_with_scan
    other = UserFactory()
    ArtisanFactory(members=[other])
    client.force_login(other)
    assert client.get(document_url(seller)).status_code == 404


@pytest.mark.django_db
def test_an_anonymous_visitor_gets_404(client, seller_with_scan):
    seller, _member = seller_with_scan
    assert client.get(document_url(seller)).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["statutes", "photo", "rib"])
def test_a_missing_or_non_document_field_is_404(client, seller_with_scan, name):
    seller, member = seller_with_scan
    client.force_login(member)
    assert client.get(document_url(seller, name)).status_code == 404


class PresigningStorage:
    """Stands in for S3: no local path, a signed URL."""

    def path(self, name):
        raise NotImplementedError

    def url(self, name):
        return f"https://bucket.example/{name}?X-Amz-Signature=abc&X-Amz-Expires=300"


class FakeFieldFile:
    name = "sellers/cards/abc.pdf"
    storage = PresigningStorage()


def test_on_s3_the_view_redirects_to_a_presigned_link():
    response = documents.document_response(FakeFieldFile())
    assert response.status_code == 302
    assert "X-Amz-Signature" in response["Location"]
    assert response["Cache-Control"] == "private, no-store"
