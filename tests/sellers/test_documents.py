"""Private documents: stored privately under a random name, served to members only.

(What a document may contain is tested with the upload check, in test_uploads_validator.py.)
"""

import pytest
from django.urls import reverse

from sellers import documents
from tests.factories.sellers import ArtisanFactory
from tests.factories.uploads import PDF_BYTES, pdf_upload
from tests.factories.users import UserFactory, curator


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
